using Archivist.Content;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>The search page in headless Chromium over the seeds' index, served like GitHub Pages.</summary>
public sealed class SearchPageTests : IAsyncLifetime
{
    private const string Hostile = "<img src=x onerror=\"window.pwned=1\"> <b>Bold</b> & co";
    private SearchTestSite _site = null!;
    private StaticSiteServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000); // CI machines are shared; results appear when they appear
        var posts = SearchTestSite.SeedPosts().Append(new Post
        {
            Title = Hostile, Date = new DateOnly(2020, 1, 2), Slug = "hostile", Url = "/2020/01/hostile.html",
            Sources = new ValueList<string>(["test"]), Body = "A post whose title is markup: zzzprobe.",
        }).ToList();
        _site = new SearchTestSite(posts);
        StandInPages.WriteSite(_site.Root, posts, _site.Options.Folder);
        _server = new StaticSiteServer(_site.Root);
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _page = await _browser.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        _site?.Dispose();
    }

    private ILocator Results => _page.Locator(".search-result");

    private async Task Open(string query = "")
    {
        await _page.GotoAsync(_server.BaseUrl + "search/" + (query.Length > 0 ? "?q=" + Uri.EscapeDataString(query) : ""));
        await _page.Locator("#search-app[data-ready]").WaitForAsync(); // before typing: the module script loads after the page
    }

    [Fact]
    public async Task ACommentHitDeepLinksToTheCommentWithAHighlightedSnippet()
    {
        await Open("guernsey");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        var link = Results.First.Locator("h2 a");
        Assert.EndsWith("/2025/10/clash-of-cultures.html#c3", await link.GetAttributeAsync("href"));
        await Assertions.Expect(Results.First.Locator(".search-snippet mark")).ToHaveTextAsync("Guernsey");
        await Assertions.Expect(_page.Locator("#search-status")).ToHaveTextAsync("1 post matches.");
        Assert.Equal("polite", await _page.Locator("#search-status").GetAttributeAsync("aria-live"));
    }

    [Fact]
    public async Task ResultsComeAsYouTypeAndTheQueryGoesIntoTheUrl()
    {
        await Open();
        await _page.Locator("#search-input").PressSequentiallyAsync("harehi");
        await Assertions.Expect(Results.First.Locator("h2 a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("plans-to-re-professionalise.*#c2$"));
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=harehi$"));
    }

    [Fact]
    public async Task ArrowKeysMoveThroughTheResults()
    {
        await Open("probation");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        await _page.Locator("#search-input").FocusAsync();
        await _page.Keyboard.PressAsync("ArrowDown");
        var first = await Results.Nth(0).Locator("h2 a").GetAttributeAsync("href");
        Assert.Equal(first, await _page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await _page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(await Results.Nth(1).Locator("h2 a").GetAttributeAsync("href"), await _page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await _page.Keyboard.PressAsync("Escape");
        Assert.Equal("search-input", await _page.EvaluateAsync<string>("document.activeElement.id"));
        await _page.Locator(".search-more").ClickAsync();
        await Assertions.Expect(Results).ToHaveCountAsync(11); // all eleven seed posts hold "probation"
    }

    [Fact]
    public async Task TheBackButtonRestoresTheEarlierQuery()
    {
        await Open();
        var input = _page.Locator("#search-input");
        await input.FillAsync("napo");
        await input.PressAsync("Enter");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=napo$"));
        await input.FillAsync("guernsey");
        await input.PressAsync("Enter");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        await _page.GoBackAsync();
        await Assertions.Expect(input).ToHaveValueAsync("napo");
        await Assertions.Expect(Results.First.Locator("h2 a")).ToContainTextAsync("Napo");
    }

    [Fact]
    public async Task YearFilterAndDateOrder()
    {
        await Open("probation");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        await _page.Locator("#search-from").SelectOptionAsync("2016");
        await _page.Locator("#search-to").SelectOptionAsync("2016");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=2016&to=2016"));
        await _page.Locator("#search-from").SelectOptionAsync("");
        await _page.Locator("#search-to").SelectOptionAsync("");
        await _page.Locator("#search-sort").SelectOptionAsync("date");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        var dates = await _page.Locator(".search-result time").EvaluateAllAsync<string[]>("els => els.map(e => e.dateTime)");
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task IndexDataIsShownAsTextNeverAsMarkup()
    {
        await Open("zzzprobe");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        var link = Results.First.Locator("h2 a");
        await Assertions.Expect(link).ToHaveTextAsync(Hostile);
        Assert.Equal(0, await _page.Locator("#search-results img, #search-results b").CountAsync());
        Assert.Null(await _page.EvaluateAsync<int?>("window.pwned"));
    }
}
