namespace Archivist.Rendering.Views;

/// <summary>A post page: the post, its comment thread and the ways on (newer, older, its month).</summary>
public sealed record PostPageView(SiteView Site, PostView Post, LinkView? Newer, LinkView? Older, LinkView Period);

/// <param name="CommentsCaptured">False when the source had no comment section: the page says the comments were not captured, not "0 comments".</param>
/// <param name="CommentsLabel">"9 comments"; null when not captured.</param>
public sealed record PostView(string Title, bool TitleInferred, string Href, DateView? Date, string BodyHtml,
    IReadOnlyList<CommentView> Comments, int CommentCount, string SourceUrl, bool CommentsCaptured, string? CommentsLabel);

/// <summary>One comment; <see cref="Id"/> is its anchor (<c>c3-2</c>) and <see cref="Label"/> its number as read (<c>3.2</c>).</summary>
public sealed record CommentView(string Id, string Label, string Html, IReadOnlyList<CommentView> Replies, int Depth);
