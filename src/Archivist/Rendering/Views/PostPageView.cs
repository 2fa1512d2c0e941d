namespace Archivist.Rendering.Views;

/// <summary>A post page: the post, its comment thread and the ways on (newer, older, its month, related posts).</summary>
/// <param name="Related">Older posts on the same subject, best first (up to five; empty for the oldest posts).</param>
public sealed record PostPageView(SiteView Site, PostArticleView Post, LinkView? Newer, LinkView? Older, LinkView Period,
    IReadOnlyList<RelatedPostView> Related);

/// <summary>A related post as its post page lists it.</summary>
public sealed record RelatedPostView(string Title, string Href, DateView? Date);

/// <param name="CommentsCaptured">False when the source had no comment section: the page says the comments were not captured, not "0 comments".</param>
/// <param name="CommentsLabel">"9 comments"; null when not captured.</param>
public sealed record PostArticleView(string Title, bool TitleInferred, string Href, DateView? Date, TrustedHtml BodyHtml,
    IReadOnlyList<CommentView> Comments, int CommentCount, string SourceUrl, bool CommentsCaptured, string? CommentsLabel);

/// <summary>One comment; <see cref="Id"/> is its anchor (<c>c3-2</c>) and <see cref="Label"/> its number as read (<c>3.2</c>).</summary>
/// <param name="AuthorLine">"Anonymous said…" as Blogger printed it; null when the source names no author.</param>
/// <param name="PublishedIso">The comment's time for a <c>&lt;time datetime&gt;</c> (<c>2011-03-19T10:42</c>); null when unknown.</param>
/// <param name="PublishedLabel">The same time as shown (<c>19 March 2011 at 10:42</c>).</param>
public sealed record CommentView(string Id, string Label, TrustedHtml Html, IReadOnlyList<CommentView> Replies, int Depth,
    string? AuthorLine = null, string? PublishedIso = null, string? PublishedLabel = null);
