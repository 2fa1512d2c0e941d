using Archivist.Rendering;

namespace Archivist.Tests.Rendering;

/// <summary>
/// Listings numbered from the oldest post: every post is listed, numbered pages are full, and a new
/// newest post changes only the home page and the few numbered pages whose links reach the top.
/// </summary>
public class ListingPlanTests
{
    private static readonly SiteUrls Urls = new(new SiteOptions());

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 0)]
    [InlineData(10, 10, 0)]
    [InlineData(11, 10, 1)]
    [InlineData(20, 10, 1)]
    [InlineData(21, 10, 2)]
    public void NumberedPagesHoldOnlyFullRuns(int posts, int perPage, int numbered) =>
        Assert.Equal(numbered, ListingPlan.Of(posts, perPage).Numbered);

    [Fact]
    public void EveryPostIsOnTheHomePageOrExactlyOneNumberedPage()
    {
        for (var posts = 0; posts <= 40; posts++)
        {
            var plan = ListingPlan.Of(posts, 3);
            var seen = new int[posts];
            for (var page = 1; page <= plan.Numbered; page++)
            {
                var (from, count) = plan.Slice(page);
                Assert.Equal(3, count);
                for (var i = from; i < from + count; i++) seen[i]++;
            }
            var home = plan.Slice(0);
            Assert.Equal((0, Math.Min(3, posts)), home);
            for (var i = 0; i < posts; i++) Assert.True(seen[i] == 1 || (seen[i] == 0 && i < home.Count), $"{posts} posts: post {i}");
            if (plan.Numbered > 0) Assert.Equal(posts - 1, plan.Slice(1).From + 2); // page 1 ends with the oldest post
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
    public void LinksRunFromTheHomePageDownToPageOne()
    {
        var home = ListingPages.Pagination(Urls, 0, 5);
        Assert.Null(home.NewerUrl);
        Assert.Equal("/page/5/", home.OlderUrl);
        Assert.Equal(["1", "…", "4", "5"], home.Pages.Select(Label));

        var top = ListingPages.Pagination(Urls, 5, 5);
        Assert.Equal("/", top.NewerUrl);
        Assert.Equal("/page/4/", top.OlderUrl);

        var middle = ListingPages.Pagination(Urls, 2, 9);
        Assert.Equal(["1", "[2]", "3", "4", "…"], middle.Pages.Select(Label));
        Assert.Equal("/page/3/", middle.NewerUrl);
        Assert.Equal("/page/1/", middle.OlderUrl);

        var oldest = ListingPages.Pagination(Urls, 1, 9);
        Assert.Null(oldest.OlderUrl);
        Assert.False(ListingPages.Pagination(Urls, 0, 0).Multiple);
    }

    private static string Label(Archivist.Rendering.Views.PageLinkView link) =>
        link.Gap ? "…" : link.Current ? $"[{link.Number}]" : link.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class PaginationComparer : IEqualityComparer<Archivist.Rendering.Views.PaginationView>
    {
        public static readonly PaginationComparer Instance = new();

        public bool Equals(Archivist.Rendering.Views.PaginationView? a, Archivist.Rendering.Views.PaginationView? b) =>
            a is not null && b is not null && a.Page == b.Page && a.NewerUrl == b.NewerUrl && a.OlderUrl == b.OlderUrl && a.Pages.SequenceEqual(b.Pages);

        public int GetHashCode(Archivist.Rendering.Views.PaginationView obj) => obj.Page;
    }
}
