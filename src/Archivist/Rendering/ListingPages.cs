using System.Globalization;
using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// The home page (the newest posts) and the numbered listings <c>/page/N/</c>, each with date, excerpt and
/// comment count, newest first. Numbered pages count from the oldest post and hold only full pages, so
/// once written a page's posts never change: a new post rewrites the home page and, at most, the newest
/// numbered pages whose links reach the top (see <see cref="ListingPlan"/>). No post is on two listings.
/// </summary>
public sealed class ListingPages : PageKind
{
    public const int PageWindow = 2;

    public override string Name => "list";
    public override IReadOnlyList<string> Templates => ["list"];
    public override IReadOnlyList<string> Reserved => ["/index.html", "/page/*"];
    public override bool InSitemap => true;

    public static string PagePath(int page) => page == 0 ? "/" : $"/page/{page.ToString(CultureInfo.InvariantCulture)}/";

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var (context, posts) = (site.Context, site.Posts);
        var plan = ListingPlan.Of(posts.Count, context.Options.PostsPerPage);
        for (var page = 0; page <= plan.Numbered; page++)
        {
            var (from, count) = plan.Slice(page);
            var slice = Enumerable.Range(from, count).Select(i => posts[i]).ToList();
            var pagination = Pagination(context.Urls, page, plan.Numbered);
            using var hasher = context.Hasher("list").Add(page).Add(pagination.NewerUrl).Add(pagination.OlderUrl);
            foreach (var link in pagination.Pages) hasher.Add(link.Number).Add(link.Href).Add(link.Gap).Add(link.Home);
            foreach (var p in slice) hasher.Add(p.Fingerprint);
            var number = page;
            yield return new PageJob(SiteUrls.FileOf(PagePath(page)), hasher.Finish(), () => Render(context, slice, number, pagination));
        }
    }

    private static ReadOnlyMemory<byte> Render(RenderContext context, IReadOnlyList<SitePost> slice, int page, PaginationView pagination)
    {
        var home = page == 0;
        var number = page.ToString(CultureInfo.InvariantCulture);
        var view = new ListPageView(context.Site, home ? context.Options.Title : $"Page {number}", slice.Select(p => context.Summary(p)).ToList(), pagination);
        var head = context.Head(home ? context.Options.Title : $"{context.Options.Title}, page {number}",
            PagePath(page), jsonLd: home ? StructuredData.WebSite(context) : null,
            prev: pagination.NewerUrl, next: pagination.OlderUrl);
        return context.Page("list", view, head, home ? "home" : "list");
    }

    /// <summary>
    /// Newer/older links and page links: page 1 (the oldest), a window of numbers around the current page, and
    /// the home page last (it holds the newest posts, after the highest number), with a gap mark where numbers
    /// are left out. The current page is marked, the home page included. Only pages within the window of the
    /// top depend on how many pages there are.
    /// </summary>
    public static PaginationView Pagination(SiteUrls urls, int page, int numbered)
    {
        var position = page == 0 ? numbered + 1 : page;
        var links = new List<PageLinkView>();
        var last = 0;
        for (var n = 1; n <= numbered; n++)
        {
            if (n != 1 && Math.Abs(n - position) > PageWindow) continue;
            if (last != 0 && n > last + 1) links.Add(PageLinkView.GapMark);
            links.Add(new PageLinkView(n, n == page ? null : urls.Local(PagePath(n)), n == page, Gap: false, Home: false));
            last = n;
        }
        if (numbered > 0)
        {
            if (last < numbered) links.Add(PageLinkView.GapMark);
            links.Add(new PageLinkView(0, page == 0 ? null : urls.Local(PagePath(0)), page == 0, Gap: false, Home: true));
        }
        var newer = page == 0 ? null : urls.Local(PagePath(page < numbered ? page + 1 : 0));
        var older = page == 0 ? (numbered > 0 ? urls.Local(PagePath(numbered)) : null) : page > 1 ? urls.Local(PagePath(page - 1)) : null;
        return new PaginationView(page, numbered, newer, older, links);
    }
}

/// <summary>
/// Which posts each listing shows. Posts are newest first. Numbered page k holds the k-th full run of
/// <c>perPage</c> posts counted from the oldest, except the newest full run: that one and the newest posts
/// that do not fill a run yet are the home page, which so shows from <c>perPage</c> to <c>2 × perPage − 1</c>
/// posts (or all of them, when there are fewer), and "Older posts" leads on to the very next post.
/// </summary>
public sealed record ListingPlan(int Posts, int PerPage, int Numbered)
{
    public static ListingPlan Of(int posts, int perPage) =>
        new(posts, perPage, Math.Max(0, posts / perPage - 1));

    /// <summary>The range of the newest-first post list that <paramref name="page"/> (0: home) shows.</summary>
    public (int From, int Count) Slice(int page)
    {
        if (page == 0) return (0, Posts - Numbered * PerPage);
        var to = Posts - (page - 1) * PerPage; // exclusive, in the newest-first list
        return (to - PerPage, PerPage);
    }
}
