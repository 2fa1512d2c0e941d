using Archivist.Content;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>The search page in headless Chromium over the seeds' index, served like GitHub Pages.</summary>
public sealed class SearchPageTests() : SearchPageTest(() => SearchTestSite.SeedPosts().Append(new Post
{
    Title = Hostile, Date = new DateOnly(2020, 1, 2), Slug = "hostile", Url = "/2020/01/hostile.html",
    Sources = new ValueList<string>(["test"]), Text = new PostText("A post whose title is markup: zzzprobe.", []),
}).ToList())
{
    private const string Hostile = "<img src=x onerror=\"window.pwned=1\"> <b>Bold</b> & co";

    private ILocator Results => Page.Locator(".search-result");

    private async Task Open(string query = "")
    {
        await Page.GotoAsync(Server.BaseUrl + "search/" + (query.Length > 0 ? "?q=" + Uri.EscapeDataString(query) : ""));
        await Page.Locator("#search-app[data-ready]").WaitForAsync(); // before typing: the module script loads after the page
    }

    [Fact]
    public async Task ACommentHitDeepLinksToTheCommentWithAHighlightedSnippet()
    {
        await Open("guernsey");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        var link = Results.First.Locator("h2 a");
        // The deep link carries the matched terms for the post page to mark (highlight.js).
        Assert.EndsWith("/2025/10/clash-of-cultures.html?highlight=guernsey#c3", await link.GetAttributeAsync("href"));
        await Assertions.Expect(Results.First.Locator(".search-snippet mark")).ToHaveTextAsync("Guernsey");
        await Assertions.Expect(Page.Locator("#search-status")).ToHaveTextAsync("1 post matches.");
        Assert.Equal("polite", await Page.Locator("#search-status").GetAttributeAsync("aria-live"));
    }

    [Fact]
    public async Task ResultsComeAsYouTypeAndTheQueryGoesIntoTheUrl()
    {
        await Open();
        await Page.Locator("#search-input").PressSequentiallyAsync("harehi");
        await Assertions.Expect(Results.First.Locator("h2 a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("plans-to-re-professionalise.*#c2$"));
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=harehi$"));
    }

    [Fact]
    public async Task WhatAQueryNeedsIsFetchedWhileTheReaderTypesAndOnlyDrawnWhenTheyPause()
    {
        // The page's timers run on a clock the test moves: the typing pause (120 ms) cannot pass unseen.
        await Page.Clock.InstallAsync();
        await Open();
        await Assertions.Expect(Page.Locator("#search-options")).ToBeVisibleAsync(); // the index is open
        await Page.Clock.PauseAtAsync(DateTime.Now.AddMinutes(1));
        var indexRequests = new List<string>();
        Page.Request += (_, request) => { if (request.Url.Contains("/search-index/", StringComparison.Ordinal)) indexRequests.Add(request.Url); };

        await Page.Locator("#search-input").FillAsync("guernsey");
        // 50 ms into the pause: the term's shard and the first hits' metadata are fetched, nothing is drawn yet.
        await Page.RunAndWaitForRequestAsync(() => Page.Clock.RunForAsync(50), new System.Text.RegularExpressions.Regex("/search-index/m/"));
        Assert.Contains(indexRequests, url => url.Contains("/search-index/t/", StringComparison.Ordinal));
        Assert.Equal(0, await Results.CountAsync());
        Assert.DoesNotContain("q=", Page.Url, StringComparison.Ordinal);

        // Once the pause is over the result is drawn from what was fetched: no index file is asked for again.
        indexRequests.Clear();
        await Page.Clock.RunForAsync(100);
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        await Assertions.Expect(Results.First.Locator(".search-snippet mark")).ToHaveTextAsync("Guernsey");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=guernsey$"));
        Assert.Empty(indexRequests);
    }

    [Fact]
    public async Task ArrowKeysMoveThroughTheResults()
    {
        await Open("probation");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        await Page.Locator("#search-input").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        var first = await Results.Nth(0).Locator("h2 a").GetAttributeAsync("href");
        Assert.Equal(first, await Page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(await Results.Nth(1).Locator("h2 a").GetAttributeAsync("href"), await Page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await Page.Keyboard.PressAsync("Escape");
        Assert.Equal("search-input", await Page.EvaluateAsync<string>("document.activeElement.id"));
        await Page.Locator(".search-more").ClickAsync();
        await Assertions.Expect(Results).ToHaveCountAsync(11); // all eleven seed posts hold "probation"
    }

    [Fact]
    public async Task TheBackButtonRestoresTheEarlierQuery()
    {
        await Open();
        var input = Page.Locator("#search-input");
        await input.FillAsync("napo");
        await input.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=napo$"));
        await input.FillAsync("guernsey");
        await input.PressAsync("Enter");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        await Page.GoBackAsync();
        await Assertions.Expect(input).ToHaveValueAsync("napo");
        await Assertions.Expect(Results.First.Locator("h2 a")).ToContainTextAsync("Napo");
    }

    [Fact]
    public async Task YearFilterAndDateOrder()
    {
        await Open("probation");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        await Page.Locator("#search-from").SelectOptionAsync("2016");
        await Page.Locator("#search-to").SelectOptionAsync("2016");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=2016&to=2016"));
        await Page.Locator("#search-from").SelectOptionAsync("");
        await Page.Locator("#search-to").SelectOptionAsync("");
        await Page.Locator("#search-sort").SelectOptionAsync("date");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        var dates = await Page.Locator(".search-result time").EvaluateAllAsync<string[]>("els => els.map(e => e.dateTime)");
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task AnEstimatedDateIsShownAsAnEstimate()
    {
        await Open("probation");
        var plans = Results.Filter(new() { Has = Page.Locator("a[href*='plans-to-re-professionalise']") });
        await Assertions.Expect(plans.Locator(".search-meta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^about 22 July 2024 \\(date estimated from the text\\)"));
        var known = Results.Filter(new() { Has = Page.Locator("a[href*='clash-of-cultures']") });
        await Assertions.Expect(known.Locator(".search-meta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^9 October 2025"));
    }

    [Fact]
    public async Task ACorrectionIsSaidWithALinkToSearchExactlyWhatWasTyped()
    {
        await Open("probaton");
        var status = Page.Locator("#search-status");
        await Assertions.Expect(status).ToContainTextAsync("Showing results for probation. Search for exactly \"probaton\".");
        await Assertions.Expect(Results).ToHaveCountAsync(10);
        await status.Locator("a").ClickAsync();
        await Assertions.Expect(Page.Locator("#search-input")).ToHaveValueAsync("\"probaton\"");
        await Assertions.Expect(status).ToHaveTextAsync("No posts match. Try fewer words, or check the spelling.");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=%22probaton%22$"));
    }

    [Fact]
    public async Task ACommentHitElsewhereInTheThreadShowsUnderItsResult()
    {
        await Open("timpson");
        var plans = Results.Filter(new() { Has = Page.Locator("h2 a[href*='plans-to-re-professionalise']") });
        var passages = plans.Locator(".search-passages li");
        await Assertions.Expect(passages).ToHaveCountAsync(1);
        Assert.EndsWith("plans-to-re-professionalise-probation-service-are-urgently.html?highlight=timpson#c7-2",
            await passages.Locator("a").GetAttributeAsync("href"));
        await Assertions.Expect(passages.Locator("a")).ToHaveTextAsync("Comment 7.2");
        await Assertions.Expect(passages.Locator(".search-snippet mark")).ToHaveTextAsync("Timpson");
        Assert.Equal(0, await plans.Locator(".search-passages-more").CountAsync());
    }

    [Fact]
    public async Task AThreadWithManyHitsShowsThreeAndCountsTheRest()
    {
        await Open("probation");
        var plans = Results.Filter(new() { Has = Page.Locator("h2 a[href*='plans-to-re-professionalise']") });
        var expected = Site.Search("probation", 20).Hits.Single(h => h.Meta.Url.Contains("plans-to-re-professionalise")).Passages;
        Assert.True(expected.Count > 4, "the thread should have more hits than are shown");
        await Assertions.Expect(plans.Locator(".search-passages li")).ToHaveCountAsync(3);
        var hrefs = await plans.Locator(".search-passages a").EvaluateAllAsync<string[]>("links => links.map(a => a.hash.slice(1))");
        Assert.Equal(expected.Skip(1).Take(3), hrefs); // the engine's order: the CLI lists the same
        await Assertions.Expect(plans.Locator(".search-passages-more")).ToHaveTextAsync($"and {expected.Count - 4} more in this thread");
        await Assertions.Expect(plans.Locator(".search-passages .search-snippet mark").First).ToHaveTextAsync("probation", new() { IgnoreCase = true });
    }

    [Fact]
    public async Task IndexDataIsShownAsTextNeverAsMarkup()
    {
        await Open("zzzprobe");
        await Assertions.Expect(Results).ToHaveCountAsync(1);
        var link = Results.First.Locator("h2 a");
        await Assertions.Expect(link).ToHaveTextAsync(Hostile);
        Assert.Equal(0, await Page.Locator("#search-results img, #search-results b").CountAsync());
        Assert.Null(await Page.EvaluateAsync<int?>("window.pwned"));
    }
}
