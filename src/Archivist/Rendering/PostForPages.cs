using Archivist.Content;
using Archivist.Hashing;

namespace Archivist.Rendering;

/// <summary>
/// A post as the pages that show it use it: the post, its <see cref="PageDigest"/> (pages that show it are rendered
/// again only when it changes), where its text is read, and its excerpt, worked out the first time a page needs it.
/// </summary>
public sealed class PostForPages
{
    private readonly PostTexts _texts;
    private readonly Lazy<string> _excerpt;

    /// <param name="texts">Where the post's text is read when a page needs it (the builder's; posts need not carry it).</param>
    public PostForPages(Post post, PostTexts texts)
    {
        Post = post;
        _texts = texts;
        PageDigest = PageDigestOf(post);
        _excerpt = new Lazy<string>(() => Excerpts.Of(Text.Body), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Post Post { get; }
    /// <summary>A digest of all a page can show of the post: its <see cref="Content.Post.ContentDigest"/>, slug, URL and sources.</summary>
    public string PageDigest { get; }
    public string Excerpt => _excerpt.Value;

    /// <summary>The post's body and comments, read only by the pages that show them.</summary>
    public PostText Text => _texts.Of(Post);

    private static string PageDigestOf(Post post)
    {
        // The content digest covers title, date, body and comments; a cached post knows it without reading its text.
        using var hasher = new HashBuilder();
        hasher.Add(post.ContentDigest).Add(post.Slug).Add(post.Url);
        hasher.Add(post.Sources.Count);
        foreach (var source in post.Sources) hasher.Add(source);
        return hasher.Finish();
    }
}
