namespace Archivist.Rendering.Views;

/// <summary>The home page and its numbered continuations: newest posts first.</summary>
public sealed record ListPageView(SiteView Site, string Heading, IReadOnlyList<PostSummaryView> Posts, PaginationView Pagination);

/// <summary>Links between numbered pages; <see cref="Pages"/> is a window of page links with gaps.</summary>
public sealed record PaginationView(int Page, int PageCount, string? NewerUrl, string? OlderUrl, IReadOnlyList<PageLinkView> Pages)
{
    /// <summary>False when everything fits on one page (templates then show no pagination).</summary>
    public bool Multiple => PageCount > 1;
}

/// <summary>A page number link, the current page, or a gap (<c>…</c>).</summary>
public sealed record PageLinkView(int Number, string? Href, bool Current, bool Gap);
