namespace Archivist.Rendering.Views;

/// <summary>A post page: the post, its comment thread and the ways on (newer, older, its month).</summary>
public sealed record PostPageView(SiteView Site, PostView Post, LinkView? Newer, LinkView? Older, LinkView Period);

public sealed record PostView(string Title, bool TitleInferred, string Href, DateView? Date, TrustedHtml BodyHtml,
    IReadOnlyList<CommentView> Comments, int CommentCount, string SourceUrl);

/// <summary>One comment; <see cref="Id"/> is its anchor (<c>c3-2</c>) and <see cref="Label"/> its number as read (<c>3.2</c>).</summary>
public sealed record CommentView(string Id, string Label, TrustedHtml Html, IReadOnlyList<CommentView> Replies, int Depth);
