namespace Archivist.Rendering.Views;

/// <summary>The archive tree: years, newest first, each with its months and post counts.</summary>
public sealed record ArchiveView(SiteView Site, IReadOnlyList<ArchiveYearView> Years, ArchiveMonthView? Undated, int Total);

public sealed record ArchiveYearView(int Year, string Href, int Count, IReadOnlyList<ArchiveMonthView> Months);

public sealed record ArchiveMonthView(string Label, string Href, int Count);

/// <summary>A year, a month or the undated posts.</summary>
/// <param name="Months">On a year page: each month with its posts (titles only).</param>
public sealed record PeriodView(SiteView Site, string Heading, string Kind, int Count, IReadOnlyList<PostSummaryView> Posts,
    IReadOnlyList<PeriodMonthView> Months, LinkView? Newer, LinkView? Older, LinkView? Up);

public sealed record PeriodMonthView(string Label, string Href, int Count, IReadOnlyList<PostSummaryView> Posts);
