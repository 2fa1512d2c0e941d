using System.Text.Json.Nodes;
using Archivist.Cli;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Support;

namespace Archivist.Tests.Search.Querying;

public class SearchCommandTests(SeedsSite seeds) : IClassFixture<SeedsSite>
{
    private (int Code, string Out, string Err) Run(string query, bool json = true, int limit = 10, string? site = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SearchCommand.Run(new DirectoryInfo(site ?? seeds.Site.Root), query, new SearchRequest(query) { Limit = limit }, json,
            seeds.Site.Options.Folder, new Reporter(stdout, stderr, interactive: false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void JsonLinesCarryUrlTitleDateScoreWhereAndSnippet()
    {
        var (code, output, _) = Run("Guernsey contract");
        Assert.Equal(ExitCodes.Success, code);
        var hit = JsonNode.Parse(output.Split('\n')[0])!.AsObject();
        Assert.Equal(["url", "title", "date", "date_estimated", "score", "where", "snippet", "passages", "more_passages", "corrected_query", "exact_query"], hit.Select(p => p.Key));
        Assert.False((bool)hit["date_estimated"]!);
        Assert.Null(hit["corrected_query"]);
        Assert.Equal("/2025/10/clash-of-cultures.html#c3", (string)hit["url"]!); // the comment's deep link, as the text output shows
        Assert.Equal("Clash of Cultures", (string)hit["title"]!);
        Assert.Equal("2025-10-09", (string)hit["date"]!);
        Assert.True((long)hit["score"]! > 0);
        Assert.Equal("c3", (string)hit["where"]!);
        Assert.Contains("Guernsey", (string)hit["snippet"]!); // from the comment's own text
    }

    [Fact]
    public void APostHitsUrlHasNoFragment()
    {
        var (_, output, _) = Run("probation");
        var hits = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var post = hits.First(h => (string)h["where"]! == "post");
        Assert.DoesNotContain("#", (string)post["url"]!);
    }

    [Fact]
    public void AnEstimatedDateAndACorrectionAreSaidAsThePageSaysThem()
    {
        var (_, text, err) = Run("probaton", json: false);
        Assert.Contains("Showing results for probation; to search for exactly what you typed: \"probaton\"", err);
        Assert.Contains("(about 2024-07-22, date estimated)  /2024/07/plans-to-re-professionalise", text);
        var (_, json, _) = Run("probaton");
        var hits = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(hits, h => Assert.Equal(("probation", "\"probaton\""), ((string)h["corrected_query"]!, (string)h["exact_query"]!)));
        Assert.True((bool)hits.Single(h => ((string)h["url"]!).Contains("plans-to-re-professionalise")).AsObject()["date_estimated"]!);
    }

    [Fact]
    public void TheThreadsOtherHitsAreListedUnderTheHit()
    {
        var (_, json, _) = Run("timpson");
        var plans = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
            .Single(h => ((string)h["url"]!).Contains("plans-to-re-professionalise"));
        var passage = plans["passages"]!.AsArray().Single()!.AsObject();
        Assert.Equal("c7-2", (string)passage["where"]!);
        Assert.EndsWith(".html#c7-2", (string)passage["url"]!);
        Assert.Contains("Timpson", (string)passage["snippet"]!);
        Assert.Equal(0, (int)plans["more_passages"]!);

        var (_, text, _) = Run("probation", json: false);
        Assert.Contains("    - in comment 1  /2024/07/plans-to-re-professionalise-probation-service-are-urgently.html#c1\n", text.ReplaceLineEndings("\n"));
        Assert.Matches(@"    and \d+ more in this thread", text);
    }

    [Fact]
    public void LimitCapsTheHits()
    {
        var (_, output, _) = Run("probation", limit: 3);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void HumanOutputShowsTheDeepLink()
    {
        var (code, output, err) = Run("Guernsey", json: false);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("/2025/10/clash-of-cultures.html#c3", output);
        Assert.Contains("1 post matched", err);
    }

    [Fact]
    public void AMissingIndexIsAClearError()
    {
        var empty = Directory.CreateTempSubdirectory("archivist-no-index").FullName;
        try
        {
            var (code, _, err) = Run("x", site: empty);
            Assert.Equal(ExitCodes.Fatal, code);
            Assert.Contains("no search index", err);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
