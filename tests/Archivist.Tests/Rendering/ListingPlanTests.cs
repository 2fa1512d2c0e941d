using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

/// <summary>
/// Listings numbered from the oldest post: every post is listed exactly once, numbered pages are full, the
/// home page holds the newest posts (from one to two pages' worth) and "Older posts" continues right after
/// them, and a new newest post changes only the home page and the few numbered pages whose links reach the top.
/// </summary>
public class ListingPlanTests
{
    private static readonly SiteUrls Urls = new(new SiteOptions());

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 0)]
    [InlineData(10, 10, 0)]
    [InlineData(11, 10, 0)]
    [InlineData(19, 10, 0)]
    [InlineData(20, 10, 1)]
    [InlineData(29, 10, 1)]
    [InlineData(30, 10, 2)]
    public void NumberedPagesHoldOnlyFullRunsBelowTheHomePage(int posts, int perPage, int numbered) =>
        Assert.Equal(numbered, ListingPlan.Of(posts, perPage).Numbered);

    [Fact]
    public void EveryPostIsOnExactlyOneListingAndOlderPostsFollowOnFromTheHomePage()
    {
        for (var posts = 0; posts <= 40; posts++)
        {
            var plan = ListingPlan.Of(posts, 3);
            var seen = new int[posts];
            for (var page = 0; page <= plan.Numbered; page++)
            {
                var (from, count) = plan.Slice(page);
                if (page > 0) Assert.Equal(3, count);
                for (var i = from; i < from + count; i++) seen[i]++;
            }
            Assert.All(seen, n => Assert.Equal(1, n));
            var home = plan.Slice(0);
            Assert.Equal(0, home.From);
            Assert.InRange(home.Count, Math.Min(posts, 3), Math.Max(posts < 3 ? posts : 5, 0)); // 3 to 2 × 3 − 1
            if (plan.Numbered > 0)
            {
                Assert.Equal(home.Count, plan.Slice(plan.Numbered).From); // "Older posts" from home: the very next post
                Assert.Equal(posts - 1, plan.Slice(1).From + 2); // page 1 ends with the oldest post
            }
        }
    }

    [Fact]
    public void ANewPostChangesOnlyTheHomePageAndTheTopOfTheNumberedPages()
    {
        for (var posts = 1; posts <= 60; posts++)
        {
            var before = ListingPlan.Of(posts, 3);
            var after = ListingPlan.Of(posts + 1, 3); // one newer post: every older post's index moves up by one
            for (var page = 1; page <= before.Numbered; page++)
            {
                var (from, count) = before.Slice(page);
                Assert.Equal((from + 1, count), after.Slice(page));
                if (page + ListingPages.PageWindow < before.Numbered)
                    Assert.Equal(ListingPages.Pagination(Urls, page, before.Numbered), ListingPages.Pagination(Urls, page, after.Numbered), PaginationComparer.Instance);
            }
        }
    }

    [Fact]
    public void LinksRunFromTheHomePageDownToPageOneAndMarkTheCurrentPage()
    {
        var home = ListingPages.Pagination(Urls, 0, 5);
        Assert.Null(home.NewerUrl);
        Assert.Equal("/page/5/", home.OlderUrl);
        Assert.Equal(["1", "…", "4", "5", "[Newest]"], home.Pages.Select(Label));

        var top = ListingPages.Pagination(Urls, 5, 5);
        Assert.Equal("/", top.NewerUrl);
        Assert.Equal("/page/4/", top.OlderUrl);
        Assert.Equal(["1", "…", "3", "4", "[5]", "Newest"], top.Pages.Select(Label));
        Assert.Equal("/", top.Pages[^1].Href);

        var middle = ListingPages.Pagination(Urls, 2, 9);
        Assert.Equal(["1", "[2]", "3", "4", "…", "Newest"], middle.Pages.Select(Label));
        Assert.Equal("/page/3/", middle.NewerUrl);
        Assert.Equal("/page/1/", middle.OlderUrl);

        var oldest = ListingPages.Pagination(Urls, 1, 9);
        Assert.Null(oldest.OlderUrl);
        Assert.False(ListingPages.Pagination(Urls, 0, 0).Multiple);
        for (var numbered = 1; numbered <= 12; numbered++)
            for (var page = 0; page <= numbered; page++)
                Assert.Single(ListingPages.Pagination(Urls, page, numbered).Pages, l => l.Current);
    }

    private static string Label(Archivist.Rendering.Views.PageLinkView link)
    {
        var text = link.Gap ? "…" : link.Home ? "Newest" : link.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return link.Current ? $"[{text}]" : text;
    }

    private sealed class PaginationComparer : IEqualityComparer<Archivist.Rendering.Views.PaginationView>
    {
        public static readonly PaginationComparer Instance = new();

        public bool Equals(Archivist.Rendering.Views.PaginationView? a, Archivist.Rendering.Views.PaginationView? b) =>
            a is not null && b is not null && a.Page == b.Page && a.NewerUrl == b.NewerUrl && a.OlderUrl == b.OlderUrl && a.Pages.SequenceEqual(b.Pages);

        public int GetHashCode(Archivist.Rendering.Views.PaginationView obj) => obj.Page;
    }
}
