using System.Text.Json;
using Archivist.Tests.EndToEnd.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// axe-core, injected into each kind of page of the published site in Chromium, in the light and the dark
/// colour scheme (contrast differs): no violation of any rule axe runs by default (WCAG 2.x A and AA and its
/// best practices). A failure lists each violation's rule, impact and elements.
/// </summary>
public sealed class AccessibilityTests(RootSite site, ChromiumPages browser) : IClassFixture<RootSite>, IClassFixture<ChromiumPages>
{
    private static readonly string AxeScript = RepoPaths.Combine("tests", "js", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Every kind of page a reader meets; the search page is checked with results and highlighted words on it (and a correction said), a post with the searched words marked.</summary>
    public static TheoryData<string, string> PagesAndSchemes()
    {
        string[] pages = ["", "page/1/", "archive/", "most-discussed/", "2025/", "2025/10/", "2025/10/clash-of-cultures.html", "about/", "search/", "search/?q=probation", "search/?q=probaton",
            "2025/10/clash-of-cultures.html?highlight=cultur+probat#c3", "no-such-page/"];
        var data = new TheoryData<string, string>();
        foreach (var scheme in new[] { "light", "dark" })
            foreach (var page in pages)
                data.Add(page, scheme);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndSchemes))]
    public async Task NoAxeViolations(string sitePath, string scheme)
    {
        if (!File.Exists(AxeScript)) Skip.Because($"{AxeScript} is missing: run `npm ci` in tests/js (.ci/run does) to check accessibility.");
        var (page, problems) = await browser.PageAsync(scheme, new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });

        var url = site.Url(sitePath);
        var notFound = sitePath.StartsWith("no-such", StringComparison.Ordinal);
        if (notFound) problems.ExpectNotFound(url);
        var response = await page.GotoAsync(url);
        Assert.Equal(notFound ? 404 : 200, response?.Status);
        if (sitePath.StartsWith("search/?", StringComparison.Ordinal))
        {
            // Wait for what a reader sees: results, and the first results' snippets with their marks.
            await Assertions.Expect(page.Locator(".search-result").Nth(4)).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".search-snippet mark").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#search-options")).ToBeVisibleAsync();
        }
        else if (sitePath.Contains("?highlight=", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.Locator("mark.search-term").First).ToBeVisibleAsync(); // the searched words, marked on arrival
        }
        else if (sitePath == "search/")
        {
            await Assertions.Expect(page.Locator("#search-options")).ToBeVisibleAsync(); // the year filters, filled from the index
        }
        Assert.Equal(scheme == "dark", await page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"));

        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\s+/g, ' ') + ')' : '')),
              }));
            }
            """);
        var found = violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} [{v.GetProperty("impact").GetString()}] {v.GetProperty("help").GetString()}\n      "
            + string.Join("\n      ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))).ToList();
        Assert.True(found.Count == 0, $"/{sitePath} ({scheme}): {found.Count} axe violation(s):\n  " + string.Join("\n  ", found));
        problems.AssertNone($"/{sitePath} ({scheme})");
    }
}
