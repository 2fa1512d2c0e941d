namespace Archivist.Rendering.Views;

/// <summary>The archive tree: years, newest first, each with its months and post counts.</summary>
/// <param name="More">Other ways into the archive, each a page kind's <see cref="ArchiveLink"/> (empty when no kind has one).</param>
public sealed record ArchiveView(SiteView Site, IReadOnlyList<ArchiveYearView> Years, ArchiveMonthView? Undated, int Total, IReadOnlyList<ArchiveLinkView> More);

/// <summary>A link from the archive page to another way into it, with a line saying what is there.</summary>
public sealed record ArchiveLinkView(string Label, string Href, string Description);

public sealed record ArchiveYearView(int Year, string Href, int Count, IReadOnlyList<ArchiveMonthView> Months);

public sealed record ArchiveMonthView(string Label, string Href, int Count);

/// <summary>A year, a month or the undated posts.</summary>
/// <param name="Months">On a year page: each month with its posts (titles only).</param>
public sealed record PeriodView(SiteView Site, string Heading, string Kind, int Count, IReadOnlyList<PostSummaryView> Posts,
    IReadOnlyList<PeriodMonthView> Months, LinkView? Newer, LinkView? Older, LinkView? Up);

public sealed record PeriodMonthView(string Label, string Href, int Count, IReadOnlyList<PostSummaryView> Posts);
