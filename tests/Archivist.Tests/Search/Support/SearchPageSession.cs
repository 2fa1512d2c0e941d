using Archivist.Content;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Support;

/// <summary>
/// An index of <c>posts</c> with stand-in post pages, served like GitHub Pages, and one Chromium page to
/// drive it: what every search-page test starts from.
/// </summary>
public sealed class SearchPageSession : IAsyncDisposable
{
    private SearchPageSession(SearchTestSite site, StaticSiteServer server, IPlaywright playwright, IBrowser browser, IPage page)
    {
        Site = site;
        Server = server;
        Playwright = playwright;
        Browser = browser;
        Page = page;
    }

    public SearchTestSite Site { get; }
    public StaticSiteServer Server { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public IPage Page { get; }

    public static async Task<SearchPageSession> OpenAsync(IReadOnlyList<Post> posts, Archivist.Search.SearchIndexOptions? options = null)
    {
        Assertions.SetDefaultExpectTimeout(20_000); // CI machines are shared; results appear when they appear
        var site = new SearchTestSite(posts, options);
        StandInPages.WriteSite(site.Root, posts, site.Options.Folder);
        var server = new StaticSiteServer(site.Root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new SearchPageSession(site, server, playwright, browser, await browser.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        Server.Dispose();
        Site.Dispose();
    }
}
