using Archivist.Search;
using Archivist.Tests.Search.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The search page over an index built with fragments (<see cref="SearchIndexOptions.Fragments"/>): results and
/// their snippets come from the fragments, and no post page is fetched.
/// </summary>
public sealed class SearchPageFragmentsTests() : SearchPageTest(SearchTestSite.SeedPosts, new SearchIndexOptions { Fragments = true })
{
    [Fact]
    public async Task SnippetsComeFromTheFragmentsNotThePages()
    {
        var requested = new List<string>();
        Page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);
        await Page.GotoAsync(Server.BaseUrl + "search/?q=guernsey");
        var result = Page.Locator(".search-result");
        await Assertions.Expect(result).ToHaveCountAsync(1);
        Assert.EndsWith("/2025/10/clash-of-cultures.html?highlight=guernsey#c3", await result.Locator("h2 a").GetAttributeAsync("href"));
        await Assertions.Expect(result.Locator(".search-snippet mark")).ToHaveTextAsync("Guernsey");

        // Ten results of a common word, each with a snippet (the last five read when scrolled into view).
        await Page.GotoAsync(Server.BaseUrl + "search/?q=probation");
        var results = Page.Locator(".search-result");
        await Assertions.Expect(results).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            await results.Nth(i).ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(results.Nth(i).Locator(".search-snippet mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[Pp]robation"));
        }

        Assert.Contains(requested, p => p.Contains("/search-index/f/", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, p => p.StartsWith("/20", StringComparison.Ordinal)); // no post page (/2025/10/…) was read
    }
}
