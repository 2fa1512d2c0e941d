using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The search page says, in its live status, when words past the query's fetch budget were ignored. The seeds'
/// whole index is a dozen shards, within one query's budget, so this runs over a generated corpus.
/// </summary>
public sealed class SearchPageLimitTests() : SearchPageTest(() => SearchTestSite.Generated(GeneratedSite.Posts).Posts)
{
    [Fact]
    public async Task AnOverLongQuerySaysWhichWordsWereUsed()
    {
        var query = SearchParityTests.CommonWords;
        var plan = Site.Search(query).Plan;
        Assert.True(plan.IgnoredWords > 0 && plan.UsedWords > 1);
        await Page.GotoAsync(Server.BaseUrl + "search/?q=" + Uri.EscapeDataString(query));
        var status = Page.Locator("#search-status");
        await Assertions.Expect(status.Locator(".search-limit")).ToHaveTextAsync($"Only the first {plan.UsedWords} words were used; the rest were ignored.");
        await Assertions.Expect(status).ToContainTextAsync(" match");
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));

        // A short query clears the note.
        var input = Page.Locator("#search-input");
        await input.FillAsync("probation service");
        await input.PressAsync("Enter");
        await Assertions.Expect(status.Locator(".search-limit")).ToHaveCountAsync(0);
        await Assertions.Expect(status).ToContainTextAsync(" match");
    }
}
