using System.Text.RegularExpressions;
using Archivist.Tests.EndToEnd.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// What a reader does with the published site, in Chromium, at a domain root and under a project base path:
/// browse to a post through the archive, follow comment permalinks, search from the header and open hits.
/// Every step must leave the browser without a console error, script error, failed request or dialog.
/// </summary>
public sealed class ReaderJourneyTests(RootSite root, ProjectSite project, ChromiumPages browser)
    : IClassFixture<RootSite>, IClassFixture<ProjectSite>, IClassFixture<ChromiumPages>
{
    // A post of the real seeds with a long body and threaded replies, and a word only one of its comments holds.
    private const string PostPath = "2025/10/clash-of-cultures.html";
    private const string PostTitle = "Clash of Cultures";
    private const string CommentOnlyWord = "guernsey";

    private PublishedSite Site(string basePath) => basePath == "/" ? root : project;

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/")]
    public async Task FromTheHomePageThroughTheArchiveToAPostAndItsCommentPermalinks(string basePath)
    {
        var site = Site(basePath);
        var (page, problems) = await browser.PageAsync();

        await page.GotoAsync(site.Url());
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("page-home");
        await Assertions.Expect(page.Locator(".post-summary").First).ToBeVisibleAsync();
        // A keyboard reader's first Tab shows the skip link (it sits off screen until focused); Enter skips the header.
        var skipLink = page.Locator("a.skip-link");
        await Assertions.Expect(skipLink).Not.ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        problems.AssertNone("home page");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Archive" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("archive/"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Archive");
        problems.AssertNone("archive");

        await page.Locator(".archive-year h2 a", new() { HasTextString = "2025" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("2025/"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("2025");
        problems.AssertNone("year page");

        await page.Locator(".period-month h2 a", new() { HasTextString = "October" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("2025/10/"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("October");
        problems.AssertNone("month page");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = PostTitle, Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url(PostPath));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PostTitle);
        problems.AssertNone("post page");

        // The last reply in the thread: far below the fold, so landing on it proves the page scrolled.
        var permalink = page.Locator(".comment-replies a.comment-permalink").Last;
        var href = await permalink.GetAttributeAsync("href") ?? "";
        var id = href[(href.IndexOf('#') + 1)..];
        Assert.Matches(@"^c\d+-\d+$", id);
        await permalink.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Url(PostPath) + "#" + id);
        await AssertLandedOnComment(page, id);
        problems.AssertNone("comment permalink clicked");

        // Arriving from elsewhere, as a shared link does: the browser scrolls from the top to the comment.
        await page.GotoAsync(site.Url("archive/"));
        await page.GotoAsync(site.Url(PostPath) + "#" + id);
        await AssertLandedOnComment(page, id);
        await Assertions.Expect(page.Locator("h1")).Not.ToBeInViewportAsync();
        problems.AssertNone("comment permalink opened");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/")]
    public async Task SearchFromTheHeaderOpenACommentHitFilterByYearAndUseTheKeyboard(string basePath)
    {
        var site = Site(basePath);
        var (page, problems) = await browser.PageAsync();

        await page.GotoAsync(site.Url("archive/"));
        var headerBox = page.Locator("header").GetByRole(AriaRole.Searchbox);
        await headerBox.FillAsync(CommentOnlyWord);
        await headerBox.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("search/") + "?q=" + CommentOnlyWord);
        await page.Locator("#search-app[data-ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("#search-input")).ToHaveValueAsync(CommentOnlyWord);
        var results = page.Locator(".search-result");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        var marks = page.Locator(".search-result mark");
        await Assertions.Expect(marks.First).ToBeVisibleAsync();
        foreach (var mark in await marks.AllTextContentsAsync())
            Assert.StartsWith(CommentOnlyWord, mark, StringComparison.OrdinalIgnoreCase);
        problems.AssertNone("search from the header");

        var commentHit = page.Locator(".search-result h2 a[href*='#c']").First;
        var hitHref = await commentHit.GetAttributeAsync("href") ?? "";
        Assert.StartsWith(site.Url(), hitHref, StringComparison.Ordinal); // the hit keeps the base path
        var commentId = hitHref[(hitHref.IndexOf('#') + 1)..];
        await commentHit.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(hitHref);
        await AssertLandedOnComment(page, commentId);
        await Assertions.Expect(page.Locator($"[data-passage='{commentId}']")).ToContainTextAsync(CommentOnlyWord, new() { IgnoreCase = true });
        // The words searched for are marked on arrival, and the first in the comment is on screen.
        var arrived = page.Locator($"[data-passage='{commentId}'] mark.search-term").First;
        await Assertions.Expect(arrived).ToHaveTextAsync(CommentOnlyWord, new() { IgnoreCase = true });
        await Assertions.Expect(arrived).ToBeInViewportAsync();
        problems.AssertNone("comment hit opened");

        // A word in every post, so there are several years to filter and several results to move through.
        await page.GotoAsync(site.Url("search/"));
        await page.Locator("#search-app[data-ready]").WaitForAsync();
        var input = page.Locator("#search-input");
        await input.FillAsync("probation");
        await input.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(site.Url("search/") + "?q=probation");
        await Assertions.Expect(results.Nth(2)).ToBeVisibleAsync();
        var links = page.Locator(".search-result h2 a");

        await input.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(input).ToBeFocusedAsync();
        problems.AssertNone("keyboard through the results");

        var unfilteredStatus = await page.Locator("#search-status").TextContentAsync();
        var years = await page.Locator("#search-from option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)");
        Assert.True(years.Length >= 2, "the year filter offers the seeds' years: " + string.Join(", ", years));
        var earliest = years.Min(StringComparer.Ordinal)!;
        await page.Locator("#search-from").SelectOptionAsync(earliest);
        await page.Locator("#search-to").SelectOptionAsync(earliest);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"[?&]from={earliest}&to={earliest}"));
        await Assertions.Expect(page.Locator("#search-status")).Not.ToHaveTextAsync(unfilteredStatus ?? "");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        foreach (var date in await page.Locator(".search-result time").EvaluateAllAsync<string[]>("times => times.map(t => t.dateTime)"))
            Assert.StartsWith(earliest, date, StringComparison.Ordinal);
        problems.AssertNone("year filter");

        var firstHref = await links.First.GetAttributeAsync("href") ?? "";
        await input.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(links.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(firstHref);
        await Assertions.Expect(page.Locator(".post-meta time").First).ToHaveAttributeAsync("datetime", new Regex("^" + earliest));
        problems.AssertNone("result opened with Enter");
    }

    [Fact]
    public async Task APostOpenedFromSearchMarksTheSearchedWordsByTheirStemsAndOnlyThen()
    {
        var (page, problems) = await browser.PageAsync();
        // "cultur" is the stem of "Cultures" in the title and "culture" in the body: both are marked, as search matched them.
        await page.GotoAsync(root.Url(PostPath) + "?highlight=cultur");
        var marks = page.Locator("mark.search-term");
        await Assertions.Expect(page.Locator("[data-passage='title'] mark.search-term")).ToHaveTextAsync("Cultures");
        await Assertions.Expect(page.Locator("[data-passage='body'] mark.search-term").First).ToBeInViewportAsync();
        foreach (var word in await marks.AllTextContentsAsync())
            Assert.StartsWith("cultur", word, StringComparison.OrdinalIgnoreCase);
        problems.AssertNone("post opened with highlight");

        await page.GotoAsync(root.Url(PostPath));
        await Assertions.Expect(page.Locator("[data-passage='body']")).ToBeVisibleAsync();
        Assert.Equal(0, await marks.CountAsync());
        problems.AssertNone("post opened without highlight");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/repo/")]
    public async Task APostListsOlderPostsOnItsSubjectAndEachLinkOpensThatPost(string basePath)
    {
        var site = Site(basePath);
        var (page, problems) = await browser.PageAsync();
        // The newest post of the real seeds: every other post is older, so it has a full list to choose from.
        const string newest = "2025/11/cause-and-effect.html";
        await page.GotoAsync(site.Url(newest));
        var published = await page.Locator(".post-header time").GetAttributeAsync("datetime") ?? "";
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Related posts" }).GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.InRange(count, 2, 5);
        var titles = await links.AllTextContentsAsync();
        Assert.Equal(count, titles.Distinct().Count());
        problems.AssertNone("a post's related posts");

        for (var i = 0; i < count; i++)
        {
            await page.GotoAsync(site.Url(newest));
            var href = await links.Nth(i).GetAttributeAsync("href") ?? "";
            Assert.StartsWith(basePath, href, StringComparison.Ordinal); // the base path is kept
            await links.Nth(i).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(site.Url(href[basePath.Length..]));
            await Assertions.Expect(page.Locator("h1[data-passage='title']")).ToHaveTextAsync(titles[i]);
            // Only posts before it: an older date (an undated post is older than any).
            if (await page.Locator(".post-header time").CountAsync() > 0)
                Assert.True(string.CompareOrdinal(await page.Locator(".post-header time").GetAttributeAsync("datetime"), published) <= 0, $"{titles[i]} is newer than the post");
            problems.AssertNone($"related post {titles[i]}");
        }
    }

    /// <summary>The comment is the document's :target, its card is outlined for the eye, and it is on screen.</summary>
    private static async Task AssertLandedOnComment(IPage page, string id)
    {
        await Assertions.Expect(page.Locator(":target")).ToHaveAttributeAsync("id", id);
        var comment = page.Locator($"[id='{id}']");
        await Assertions.Expect(comment).ToHaveClassAsync("comment");
        await Assertions.Expect(comment.Locator(":scope > .comment-card")).ToHaveCSSAsync("outline-style", "solid");
        await Assertions.Expect(comment.Locator(":scope > .comment-card")).ToBeInViewportAsync();
    }
}
