using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archivist.Cli;
using Archivist.Corpus;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Querying;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The browser client (search-core.js under Node) and `archivist search` must give identical top-10 lists —
/// same posts, same integer scores, same best passage — on the same static files: a generated corpus with a
/// main and a tail segment, and the five real seeds with their known answers, the search audit's queries and (since
/// issue 15) the generated corpus's own queries, year filters and date order too.
/// Both must also use the same words of an over-long query (the fetch budget) and read the very same index files.
/// </summary>
public class SearchParityTests(GeneratedSite generated, SeedsSite seeds) : IClassFixture<GeneratedSite>, IClassFixture<SeedsSite>
{
    /// <summary>The audit's queries: prefixes while typing, hyphenated and slashed words, typos at the start of a word.</summary>
    private static readonly string[] AuditQueries =
    [
        "Tim", "Timp", "Timps", "Timpso", "prob", "mini", "reha", "rehabil", "restora", "workload management tool",
        "re-offending", "re-offending ", "reoffending", "re-offen", "e-mail", "e-mai", "email", "\"reduce re-offending\"",
        "Geurnsey", "uGernsey", "Hraehills", "xGuernsey", "HMPPS/Mo", "HMPPS/M", "HMPPS/MoJ", "the", "the ", "probatio",
        "probaton", "Probaton service", "\"probaton\"", "timpsom napo", "plans", "probati", "restora", "rehabilitaton", "Guernsy contract", "probaton İ",
    ];

    /// <summary>Common words, phrases, exclusions, prefixes, possessives, numbers, slashed and hyphenated words, typos.</summary>
    private static readonly string[] EngineQueries =
    [
        "the", "the of and to", "probation", "probation service", "\"probation service\"", "\"the probation service\"",
        "probation -service", "prob", "servic", "the probation servi", "\"of the\"", "napo", "justice -\"probation service\"",
        "officer's", "40,000", "HMPPS/MoJ", "re-offending", "probaton", "goverment", "reoffendng",
    ];

    /// <summary>Date order, year ranges and a longer list (both corpora have posts in 2024 and 2025).</summary>
    private static readonly SearchRequest[] FilteredRequests =
    [
        new("probation") { Order = SearchOrder.Date },
        new("probation officer") { FromYear = 2024, ToYear = 2024 },
        new("the") { FromYear = 2025 },
        new("justice") { ToYear = 2024, Order = SearchOrder.Date, Limit = 25 },
    ];

    /// <summary>The thirty commonest words of the generated corpus: far more than one query's fetch budget admits.</summary>
    public const string CommonWords =
        "and are be for in is it of on probation that the this to with as by service work not prison have their we has from was they will been";

    /// <summary>Over-long queries: plain, typed to the end, a long phrase, an exclusion past the cut, typos throughout.</summary>
    public static readonly string[] OverLongQueries =
    [
        CommonWords, CommonWords + " ", CommonWords + " probat", "\"" + CommonWords + "\"", "-napo " + CommonWords, CommonWords + " -napo",
        "probation " + CommonWords + " \"probation service\"", "probaton servce ministy justce goverment reoffendng officr",
        "probaton servce ministy justce goverment reoffendng officr ", "re-offending e-mail HMPPS/MoJ " + CommonWords,
    ];

    [Fact]
    public void JsClientAndCliRankIdentically() => AssertParity(generated.Site, Requests(generated.Answers), overLong: true);

    [Fact]
    public void JsClientAndCliRankIdenticallyOnTheSeeds() =>
        AssertParity(seeds.Site, [.. KnownAnswerTests.Answers().Select(a => a.Query).Concat(AuditQueries).Concat(EngineQueries).Concat(OverLongQueries)
            .Select(q => new SearchRequest(q)), .. FilteredRequests]);

    /// <param name="overLong">Whether the index is large enough (the generated one) that the common-word queries go past the fetch budget; the seeds' whole index is a dozen shards.</param>
    private static void AssertParity(SearchTestSite site, List<SearchRequest> requests, bool overLong = false)
    {
        var node = ExternalTool.Require("node", "it runs templates/assets/search/search-core.js");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(requests.Select(r => new
            {
                query = r.Query, limit = r.Limit, fromYear = r.FromYear, toYear = r.ToYear,
                order = r.Order == SearchOrder.Date ? "date" : "relevance",
            })), new UTF8Encoding(false));
            var run = ExternalTool.Run(node, ["tests/js/search-parity.mjs", site.IndexFolder, file], RepoPaths.Root, TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, run.ToString());
            var js = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(requests.Count, js.Count);

            var nonEmpty = 0;
            for (var i = 0; i < requests.Count; i++)
            {
                var cli = CliHits(site, requests[i]);
                // The CLI's url carries the comment's fragment, as the page's link to a comment hit does.
                var browser = js[i]["hits"]!.AsArray().Select(h => $"{h![0]}{((string)h[2]! == "post" ? "" : "#" + h[2])} {h[1]} {h[2]}").ToList();
                Assert.True(cli.SequenceEqual(browser),
                    $"query '{requests[i].Query}' ({requests[i].Order}, {requests[i].FromYear}-{requests[i].ToYear}):\nCLI:\n  {string.Join("\n  ", cli)}\nJS:\n  {string.Join("\n  ", browser)}");
                if (cli.Count > 0) nonEmpty++;

                // The same words used, the same budget spent, the same files read.
                var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
                var results = new QueryEngine(reader).Search(requests[i]);
                var query = $"query '{requests[i].Query}'";
                Assert.Equal((results.Plan.UsedWords, results.Plan.IgnoredWords, results.FetchUnits),
                    ((int)js[i]["used"]!, (int)js[i]["ignored"]!, (int)js[i]["units"]!));
                // The same correction said ("Showing results for …") and the same dates marked estimated.
                var jsCorrection = js[i]["correction"] is JsonObject c ? new QueryCorrection((string)c["shown"]!, (string)c["exact"]!) : null;
                Assert.Equal(results.Correction, jsCorrection);
                Assert.Equal(results.Hits.Select(h => h.Meta.DateEstimated), js[i]["estimated"]!.AsArray().Select(e => (bool)e!));
                // The same passages under each hit (the thread's other hits), in the same order.
                Assert.Equal(results.Hits.Select(h => string.Join(' ', h.Passages)),
                    js[i]["passages"]!.AsArray().Select(p => string.Join(' ', p!.AsArray().Select(w => (string)w!))));
                var jsFiles = js[i]["files"]!.AsArray().Select(f => (string)f!).ToList();
                var csFiles = reader.FilesRead.Order(StringComparer.Ordinal).ToList();
                Assert.True(csFiles.SequenceEqual(jsFiles), $"{query} read different files:\nCLI only: {string.Join(' ', csFiles.Except(jsFiles))}\nJS only: {string.Join(' ', jsFiles.Except(csFiles))}");
                Assert.True(results.FetchUnits <= FetchBudget.MaxUnits, $"{query} spent {results.FetchUnits} units");
                if (overLong && requests[i].Query.Contains(CommonWords, StringComparison.Ordinal))
                    Assert.True(results.Plan.IgnoredWords > 0, $"{query} used all its {results.Plan.UsedWords} words: the comparison proves little");
            }
            Assert.True(nonEmpty > requests.Count * 3 / 4, $"only {nonEmpty} of {requests.Count} queries found anything: the comparison proves little");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> CliHits(SearchTestSite site, SearchRequest request)
    {
        var stdout = new StringWriter();
        var code = SearchCommand.Run(new DirectoryInfo(site.Root), request.Query, request, json: true,
            site.Options.Folder, new Reporter(stdout, new StringWriter(), interactive: false));
        Assert.Equal(ExitCodes.Success, code);
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!)
            .Select(h => $"{h["url"]} {h["score"]} {h["where"]}")
            .ToList();
    }

    /// <summary>Known-answer words, common words, phrases, exclusions, prefixes, typos, filters and date order.</summary>
    private static List<SearchRequest> Requests(IReadOnlyList<KnownAnswer> answers)
    {
        var words = answers.Where((_, i) => i % 25 == 0).Select(a => a.Query).ToList();
        var queries = new List<string>(EngineQueries);
        queries.AddRange(AuditQueries);
        queries.AddRange(OverLongQueries);
        foreach (var w in words)
        {
            queries.Add(w);
            queries.Add(w[..^2]);                         // prefix while typing
            queries.Add(w[..3] + w[4..]);                 // a letter dropped: typo tolerance
            queries.Add("probation " + w);
            queries.Add(w + " -napo");
        }
        return [.. queries.Select(q => new SearchRequest(q)), .. FilteredRequests];
    }
}
