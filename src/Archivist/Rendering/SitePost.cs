using Archivist.Content;
using Archivist.Hashing;

namespace Archivist.Rendering;

/// <summary>
/// A post as the site renderer holds it: the post, a fingerprint of everything in it (pages that show
/// it are rendered again only when it changes), where its text is read, and its excerpt, worked out the first
/// time a page needs it.
/// </summary>
public sealed class SitePost
{
    private readonly PostTexts _texts;
    private readonly Lazy<string> _excerpt;

    /// <param name="texts">Where the post's text is read when a page needs it (the builder's; posts need not carry it).</param>
    public SitePost(Post post, PostTexts texts)
    {
        Post = post;
        _texts = texts;
        Fingerprint = FingerprintOf(post);
        _excerpt = new Lazy<string>(() => Excerpts.Of(Text.Body), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Post Post { get; }
    public string Fingerprint { get; }
    public string Excerpt => _excerpt.Value;

    /// <summary>The post's body and comments, read only by the pages that show them.</summary>
    public PostText Text => _texts.Of(Post);

    private static string FingerprintOf(Post post)
    {
        // The digest covers title, date, body and comments; a cached post knows it without reading its text.
        using var hasher = new InputHasher();
        hasher.Add(post.Digest).Add(post.Slug).Add(post.Url);
        hasher.Add(post.Sources.Count);
        foreach (var source in post.Sources) hasher.Add(source);
        return hasher.Finish();
    }
}
