using Archivist.Tests.EndToEnd.Support;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// The browser tests pass because <see cref="PageProblems"/> saw nothing; this proves it does see each kind of
/// problem when there is one, so a silent page means a clean page.
/// </summary>
public sealed class PageProblemsTests(RootSite site, ChromiumPages browser) : IClassFixture<RootSite>, IClassFixture<ChromiumPages>
{
    [Fact]
    public async Task SeesDialogsConsoleErrorsUncaughtErrorsAndMissingFiles()
    {
        var (page, problems) = await browser.PageAsync();
        await page.GotoAsync(site.Url("about/"));
        problems.AssertNone("a clean page");

        await page.EvaluateAsync("() => { alert('boo'); console.error('broken'); setTimeout(() => { throw new Error('thrown'); }); }");
        await page.EvaluateAsync("url => fetch(url).catch(() => {})", site.Url("no-such-file.js"));
        await page.EvaluateAsync("url => fetch(url, { mode: 'no-cors' }).catch(() => {})", "http://127.0.0.1:1/unreachable");
        foreach (var kind in new[] { "alert dialog", "console error", "uncaught error", "HTTP 404", "request failed" })
            await problems.WaitForAsync(p => p.StartsWith(kind, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var seen = string.Join("\n", problems.Seen);
        Assert.Contains("alert dialog", seen);
        Assert.Contains("console error", seen);
        Assert.Contains("broken", seen);
        Assert.Contains("uncaught error", seen);
        Assert.Contains("thrown", seen);
        Assert.Contains("HTTP 404", seen);
        Assert.Contains("no-such-file.js", seen);
        Assert.Contains("request failed", seen);
        Assert.Contains("unreachable", seen);
    }

    [Fact]
    public async Task TheNotFoundPageAskedForIsNoProblem()
    {
        var (page, problems) = await browser.PageAsync();
        var missing = site.Url("no-such-post.html");
        problems.ExpectNotFound(missing);
        var response = await page.GotoAsync(missing);
        Assert.Equal(404, response?.Status);
        problems.AssertNone("the 404 page");
    }

    [Fact]
    public async Task AnyConsoleOutputCountsWhenAskedTo()
    {
        var (page, problems) = await browser.PageAsync("strict", anyConsoleOutput: true);
        await page.GotoAsync(site.Url("about/"));
        await page.EvaluateAsync("() => console.log('hello')");
        await problems.WaitForAsync(p => p.StartsWith("console log", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains(problems.Seen, p => p.Contains("console log", StringComparison.Ordinal) && p.Contains("hello", StringComparison.Ordinal));
    }
}
