namespace Archivist.Rendering.Views;

/// <summary>A post in a listing: home pages, months, search fallbacks.</summary>
public sealed record PostSummaryView(string Title, bool TitleInferred, string Href, DateView? Date, string Excerpt, int CommentCount);

/// <summary>A date as pages show it; <see cref="Estimated"/> dates are worked out from the text, not stated.</summary>
public sealed record DateView(string Iso, string Label, string Short, bool Estimated);

/// <summary>A link to another page, with its text.</summary>
public sealed record LinkView(string Label, string Href);
