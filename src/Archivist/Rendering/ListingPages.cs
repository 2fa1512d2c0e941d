using System.Globalization;
using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// The home page and its numbered continuations (<c>/page/2/</c>…), newest posts first, each with date,
/// excerpt and comment count. A page depends on the posts it shows and the number of pages.
/// </summary>
public static class ListingPages
{
    public const int PageWindow = 2;

    public static string PagePath(int page) => page == 1 ? "/" : $"/page/{page.ToString(CultureInfo.InvariantCulture)}/";

    public static IEnumerable<PageJob> Plan(RenderContext context, IReadOnlyList<SitePost> posts)
    {
        var perPage = context.Options.PostsPerPage;
        var pageCount = Math.Max(1, (posts.Count + perPage - 1) / perPage);
        for (var page = 1; page <= pageCount; page++)
        {
            var slice = posts.Skip((page - 1) * perPage).Take(perPage).ToList();
            using var hasher = context.Hasher("list").Add(page).Add(pageCount);
            foreach (var p in slice) hasher.Add(p.Fingerprint);
            var number = page;
            yield return new PageJob(SiteUrls.FileOf(PagePath(page)), hasher.Finish(), () => Render(context, slice, number, pageCount));
        }
    }

    private static ReadOnlyMemory<byte> Render(RenderContext context, IReadOnlyList<SitePost> slice, int page, int pageCount)
    {
        var pagination = Pagination(context.Urls, page, pageCount, PagePath);
        var heading = page == 1 ? context.Options.Title : $"Page {page.ToString(CultureInfo.InvariantCulture)} of {pageCount.ToString(CultureInfo.InvariantCulture)}";
        var view = new ListPageView(context.Site, heading, slice.Select(p => context.Summary(p)).ToList(), pagination);
        var head = context.Head(page == 1 ? context.Options.Title : $"{context.Options.Title}, page {page.ToString(CultureInfo.InvariantCulture)}",
            PagePath(page), jsonLd: page == 1 ? StructuredData.WebSite(context) : null,
            prev: pagination.NewerUrl, next: pagination.OlderUrl);
        return context.Page("list", view, head, page == 1 ? "home" : "list");
    }

    /// <summary>Newer/older links and a window of page numbers around the current one, with the first and last.</summary>
    public static PaginationView Pagination(SiteUrls urls, int page, int pageCount, Func<int, string> pathOf)
    {
        var links = new List<PageLinkView>();
        var last = 0;
        for (var n = 1; n <= pageCount; n++)
        {
            if (n != 1 && n != pageCount && Math.Abs(n - page) > PageWindow) continue;
            if (last != 0 && n > last + 1) links.Add(new PageLinkView(0, null, false, Gap: true));
            links.Add(new PageLinkView(n, n == page ? null : urls.Local(pathOf(n)), n == page, Gap: false));
            last = n;
        }
        return new PaginationView(page, pageCount,
            page > 1 ? urls.Local(pathOf(page - 1)) : null,
            page < pageCount ? urls.Local(pathOf(page + 1)) : null,
            links);
    }
}
