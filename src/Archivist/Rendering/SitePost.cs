using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>
/// A post as the site renderer holds it: the post, a fingerprint of everything in it (pages that show
/// it are rendered again only when it changes) and its excerpt, worked out the first time a page needs it.
/// </summary>
public sealed class SitePost
{
    private readonly Lazy<string> _excerpt;

    public SitePost(Post post)
    {
        Post = post;
        Fingerprint = FingerprintOf(post);
        _excerpt = new Lazy<string>(() => Excerpts.Of(post.Body), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Post Post { get; }
    public string Fingerprint { get; }
    public string Excerpt => _excerpt.Value;

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
