using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The search page says, in its live status, when words past the query's fetch budget were ignored. The seeds'
/// whole index is a dozen shards, within one query's budget, so this runs over a generated corpus.
/// </summary>
public sealed class SearchPageLimitTests : IAsyncLifetime
{
    private SearchTestSite _site = null!;
    private StaticSiteServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var (posts, _) = SearchTestSite.Generated(GeneratedSite.Posts);
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

    [Fact]
    public async Task AnOverLongQuerySaysWhichWordsWereUsed()
    {
        var query = SearchParityTests.CommonWords;
        var plan = _site.Search(query).Plan;
        Assert.True(plan.IgnoredWords > 0 && plan.UsedWords > 1);
        await _page.GotoAsync(_server.BaseUrl + "search/?q=" + Uri.EscapeDataString(query));
        var status = _page.Locator("#search-status");
        await Assertions.Expect(status.Locator(".search-limit")).ToHaveTextAsync($"Only the first {plan.UsedWords} words were used; the rest were ignored.");
        await Assertions.Expect(status).ToContainTextAsync(" match");
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));

        // A short query clears the note.
        var input = _page.Locator("#search-input");
        await input.FillAsync("probation service");
        await input.PressAsync("Enter");
        await Assertions.Expect(status.Locator(".search-limit")).ToHaveCountAsync(0);
        await Assertions.Expect(status).ToContainTextAsync(" match");
    }
}
