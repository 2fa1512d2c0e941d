namespace Archivist.Rendering.Views;

/// <summary>A post in a listing: home pages, months, search fallbacks.</summary>
/// <param name="CommentsCaptured">False when the source had no comment section: say nothing about comments.</param>
/// <param name="CommentsLabel">"9 comments", "1 comment", "0 comments"; null when the comments were not captured.</param>
public sealed record PostSummaryView(string Title, bool TitleInferred, string Href, DateView? Date, string Excerpt, int CommentCount,
    bool CommentsCaptured, string? CommentsLabel);

/// <summary>How pages count a post's comments.</summary>
public static class CommentsLabels
{
    /// <summary>"9 comments", "1 comment"; null when the number is unknown (never "0 comments" for that).</summary>
    public static string? Of(int? count) => count is { } n ? (n == 1 ? "1 comment" : $"{n} comments") : null;
}

/// <summary>A date as pages show it; <see cref="Estimated"/> dates are worked out from the text, not stated.</summary>
public sealed record DateView(string Iso, string Label, string Short, bool Estimated);

/// <summary>A link to another page, with its text.</summary>
public sealed record LinkView(string Label, string Href);
