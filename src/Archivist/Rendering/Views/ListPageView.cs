namespace Archivist.Rendering.Views;

/// <summary>The home page and its numbered continuations: newest posts first.</summary>
public sealed record ListPageView(SiteView Site, string Heading, IReadOnlyList<PostSummaryView> Posts, PaginationView Pagination);

/// <summary>
/// Links between listings; <see cref="Page"/> is 0 on the home page, <see cref="NumberedPages"/> how many
/// <c>/page/N/</c> there are, and <see cref="Pages"/> a window of page links with gaps.
/// </summary>
public sealed record PaginationView(int Page, int NumberedPages, string? NewerUrl, string? OlderUrl, IReadOnlyList<PageLinkView> Pages)
{
    /// <summary>False when everything fits on the home page (templates then show no pagination).</summary>
    public bool Multiple => NewerUrl is not null || OlderUrl is not null;
}

/// <summary>
/// A page number link, the current page (no <see cref="Href"/>), a gap (<c>…</c>), or the home page
/// (<see cref="Home"/>: the newest posts, labelled by the template).
/// </summary>
public sealed record PageLinkView(int Number, string? Href, bool Current, bool Gap, bool Home)
{
    public static PageLinkView GapMark { get; } = new(0, null, false, Gap: true, Home: false);
}
