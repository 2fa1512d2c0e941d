using System.Text.RegularExpressions;
using Archivist.Tests.EndToEnd.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// The published site in Chromium with JavaScript turned off, as some readers and most archivers use it:
/// every page reads and links onward, and search explains itself instead of failing silently.
/// </summary>
public sealed class NoScriptTests(RootSite site, ChromiumPages browser) : IClassFixture<RootSite>, IClassFixture<ChromiumPages>
{
    private Task<WatchedPage> PageWithoutScripts() => browser.PageAsync("no-script", new() { JavaScriptEnabled = false });

    [Fact]
    public async Task TheSearchAppNeverStartsAndShowsNoFiltersThatCannotWork()
    {
        var (page, _) = await PageWithoutScripts();
        await page.GotoAsync(site.Url("search/"));
        // search-ui.js marks the app ready as soon as it runs; with scripts off it never does.
        Assert.Null(await page.Locator("#search-app").GetAttributeAsync("data-ready"));
        await Assertions.Expect(page.Locator("#search-options")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task HomePagesArchiveAndPostsAreReadAndLinkedWithoutScripts()
    {
        var (page, problems) = await PageWithoutScripts();

        await page.GotoAsync(site.Url());
        var newest = await page.Locator(".post-summary h2 a").First.TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older posts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("page/1/"));
        await Assertions.Expect(page.Locator(".post-summary h2 a").First).ToBeVisibleAsync();
        Assert.NotEqual(newest, await page.Locator(".post-summary h2 a").First.TextContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Newer posts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url());
        await Assertions.Expect(page.Locator(".post-summary h2 a").First).ToHaveTextAsync(newest ?? "");
        problems.AssertNone("home page and pagination");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Archive" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("archive/"));
        await page.Locator(".archive-year h2 a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\d{4}/$"));
        await page.Locator(".period-month h2 a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\d{4}/\d{2}/$"));
        problems.AssertNone("archive, year and month");

        // The month's post with the most comments, so there is a thread to read.
        await page.GotoAsync(site.Url("2025/10/"));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Clash of Cultures", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("2025/10/clash-of-cultures.html"));
        await Assertions.Expect(page.Locator("[data-passage='body'] p").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comments-heading")).ToHaveTextAsync(new Regex(@"^\d+ comments$"));
        var comments = page.Locator(".comment-body");
        Assert.True(await comments.CountAsync() > 1);
        await Assertions.Expect(comments.First).ToBeVisibleAsync();
        await Assertions.Expect(comments.Last).Not.ToBeEmptyAsync();

        var permalink = page.Locator(".comment-replies a.comment-permalink").First;
        var id = (await permalink.GetAttributeAsync("href") ?? "").Split('#')[^1];
        await permalink.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("2025/10/clash-of-cultures.html#" + id));
        await Assertions.Expect(page.Locator($"[id='{id}'] > .comment-card")).ToHaveCSSAsync("outline-style", "solid"); // :target needs no script
        await Assertions.Expect(page.Locator($"[id='{id}']")).ToBeInViewportAsync();
        problems.AssertNone("a post and its comments");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Newer and older posts" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\d{4}/\d{2}/[a-z0-9-]+\.html$"));
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("clash-of-cultures"));
        await Assertions.Expect(page.Locator("h1[data-passage='title']")).Not.ToBeEmptyAsync();
        problems.AssertNone("the next post");
    }

    [Fact]
    public async Task RelatedPostsArePlainLinks()
    {
        var (page, problems) = await PageWithoutScripts();
        await page.GotoAsync(site.Url("2025/11/cause-and-effect.html"));
        var first = page.GetByRole(AriaRole.Navigation, new() { Name = "Related posts" }).GetByRole(AriaRole.Link).First;
        var title = await first.TextContentAsync();
        await first.ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("cause-and-effect"));
        await Assertions.Expect(page.Locator("h1[data-passage='title']")).ToHaveTextAsync(title ?? "");
        problems.AssertNone("a related post followed without scripts");
    }

    [Fact]
    public async Task TheMostDiscussedPageLeadsFromTheArchiveToTheLongestThreadsComments()
    {
        var (page, problems) = await PageWithoutScripts();
        await page.GotoAsync(site.Url("archive/"));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Most discussed", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("most-discussed/"));
        var allTime = page.GetByRole(AriaRole.Region, new() { Name = "All time" });
        await Assertions.Expect(allTime.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();

        // The year links jump within the page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Most discussed: all time and by year" }).GetByRole(AriaRole.Link, new() { Name = "2025" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("most-discussed/") + "#year-2025");
        await Assertions.Expect(page.Locator("#year-2025")).ToBeInViewportAsync();

        // The first thread's count opens its post at the comments.
        var count = allTime.GetByRole(AriaRole.Listitem).First.Locator("a[href$='#comments']");
        var label = await count.TextContentAsync() ?? "";
        Assert.Matches(@"^\d+ comments$", label);
        await count.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\.html#comments$"));
        await Assertions.Expect(page.Locator("#comments-heading")).ToHaveTextAsync(label);
        await Assertions.Expect(page.Locator("#comments")).ToBeInViewportAsync();
        problems.AssertNone("most discussed");
    }

    [Fact]
    public async Task HeaderSearchGoesToTheSearchPageWhichSaysItNeedsJavaScript()
    {
        var (page, problems) = await PageWithoutScripts();
        await page.GotoAsync(site.Url("2025/10/clash-of-cultures.html"));
        var headerBox = page.Locator("header").GetByRole(AriaRole.Searchbox);
        await headerBox.FillAsync("napo");
        await headerBox.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(site.Url("search/") + "?q=napo");
        // Playwright's text locators never look inside <noscript>, so the message is found by CSS.
        var message = page.Locator("#search-app noscript p");
        await Assertions.Expect(message).ToBeVisibleAsync();
        await Assertions.Expect(message).ToContainTextAsync("needs JavaScript, which is turned off");
        await Assertions.Expect(page.Locator("#search-results")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#search-status")).ToBeEmptyAsync();

        // The message offers the way that does work: the archive.
        await message.Locator("a", new() { HasTextString = "archive" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("archive/"));
        problems.AssertNone("search without scripts");
    }
}
