using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archivist.Cli;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Client;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Querying;

/// <summary>
/// The 250 KB bound for every query, common words and long queries included (docs/SEARCH-FORMAT.md, "Bounds"):
/// on a 1,000-post index with the default layout — a main and a tail segment, full-size shards, so every word
/// costs two shards as at 10,000 posts — no query reads more than the fetch budget admits, and the bytes as
/// GitHub Pages serves them (JSON and JS gzipped, shards as they are), the client library included, stay under
/// 250,000, read by the CLI's reader and by the browser client under Node alike.
/// </summary>
public class FetchBudgetTests(FetchBudgetTests.ThousandPosts thousand) : IClassFixture<FetchBudgetTests.ThousandPosts>
{
    public const long Bound = 250_000;
    private const int UnitBytes = 4096;

    /// <summary>A generated corpus of 1,000 posts with the default index options, indexed once.</summary>
    public sealed class ThousandPosts : IDisposable
    {
        public SearchTestSite Site { get; } = new(SearchTestSite.Generated(1000).Posts);
        public void Dispose() => Site.Dispose();
    }

    private static readonly string Words = SearchParityTests.CommonWords;

    /// <summary>Long queries of the commonest words, typed, quoted, excluded, misspelt; rare words; and short ones for contrast.</summary>
    private static readonly string[] Queries =
    [
        .. SearchParityTests.OverLongQueries,
        Words + " " + Words, "teh fo adn ot ni si taht ti fro no wsa wtih sa eb yb tihs rae haev form ta ont btu tehy ew na ro hsi hre lal",
        "probaton servce ministy justce goverment reoffendng officr prisn sentense rehabiltation commnity", "the", "the probation servi",
        "probatio", "rpobation", "uGernsey", "e-mai", "re-offen", "HMPPS/Mo", "\"the probation service\"",
    ];

    [Fact]
    public void NoQueryFetchesMoreThan250KB()
    {
        var site = thousand.Site;
        Assert.Equal(2, Entry(site).Segments.Count); // a main and a tail segment: each word reads a shard in both
        var library = LibraryBytes();
        var worst = (Query: "", Bytes: 0L);
        foreach (var query in Queries.Concat([RareWords(site, 30), RareWords(site, 30) + " -" + Words.Replace(" ", " -")]))
        {
            var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
            var results = new QueryEngine(reader).Search(new SearchRequest(query));
            var shards = reader.FilesRead.Count(f => f.StartsWith("t/", StringComparison.Ordinal));
            var pages = reader.FilesRead.Count(f => f.StartsWith("d/", StringComparison.Ordinal));
            Assert.True(3 * shards + pages <= FetchBudget.MaxUnits, $"'{query}' read {shards} shards and {pages} pages");
            Assert.Equal(3 * shards + pages, results.FetchUnits);
            Assert.True(reader.FilesRead.Count(f => f.StartsWith("m/", StringComparison.Ordinal)) <= 10);
            var bytes = library + Served(site, reader.FilesRead);
            Assert.True(bytes <= Bound, $"'{query}' fetched {bytes:N0} bytes");
            if (bytes > worst.Bytes) worst = (query, bytes);
        }

        // Without the budget, the thirty common words' shards alone (two per word) would be far past the bound.
        var probe = new IndexReader(new FolderIndexSource(site.IndexFolder));
        var unbounded = Words.Split(' ').SelectMany(w => Enumerable.Range(0, 2).Select(s => probe.ShardPath(s, w)))
            .OfType<string>().Distinct().Sum(f => new FileInfo(Path.Combine(site.IndexFolder, f)).Length);
        Assert.True(unbounded > 2 * Bound, $"the thirty words' shards are {unbounded:N0} bytes: the test proves little");
        Assert.True(worst.Bytes > Bound / 2, $"the worst query, '{worst.Query}', fetched only {worst.Bytes:N0} bytes");
    }

    [Fact]
    public void TheBrowserClientFetchesTheSameBoundedFiles()
    {
        var site = thousand.Site;
        var node = ExternalTool.Require("node", "it runs templates/assets/search/search-core.js");
        var queries = Queries.Append(RareWords(site, 30)).ToList();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(queries.Select(q => new { query = q, limit = 10, order = "relevance" })), new UTF8Encoding(false));
            var run = ExternalTool.Run(node, ["tests/js/search-parity.mjs", site.IndexFolder, file], RepoPaths.Root, TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(queries.Count, lines.Count);
            var library = LibraryBytes();
            for (var i = 0; i < queries.Count; i++)
            {
                var files = lines[i]["files"]!.AsArray().Select(f => (string)f!).ToList();
                var bytes = library + Served(site, files);
                Assert.True(bytes <= Bound, $"'{queries[i]}' fetched {bytes:N0} bytes in the browser client");
                var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
                var results = new QueryEngine(reader).Search(new SearchRequest(queries[i]));
                Assert.Equal(reader.FilesRead.Order(StringComparer.Ordinal), files);
                Assert.Equal(results.Plan.UsedWords, (int)lines[i]["used"]!);
                Assert.Equal(results.Plan.IgnoredWords, (int)lines[i]["ignored"]!);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheCostModelHoldsOnThisIndex()
    {
        // What the budget's units assume: a shard is at most 12 KiB, a dictionary page at most 4 KiB gzipped.
        var site = thousand.Site;
        Assert.All(Directory.GetFiles(Path.Combine(site.IndexFolder, "t")), f => Assert.True(new FileInfo(f).Length <= 3 * UnitBytes, f));
        Assert.All(Directory.GetFiles(Path.Combine(site.IndexFolder, "d")), f => Assert.True(Gzipped(File.ReadAllBytes(f)) <= UnitBytes, f));
        // The worst case by construction: every query's files, the ten largest metadata chunks, the whole budget.
        var fixedBytes = LibraryBytes() + Served(site, ["index.json", .. Entry(site).Segments.Select(s => s.Shards)])
                         + Directory.GetFiles(Path.Combine(site.IndexFolder, "m")).Select(f => Gzipped(File.ReadAllBytes(f))).OrderDescending().Take(10).Sum();
        Assert.True(fixedBytes + FetchBudget.MaxUnits * UnitBytes <= Bound, $"{fixedBytes:N0} + {FetchBudget.MaxUnits * UnitBytes:N0}");
    }

    [Fact]
    public void OnlyTheFirstWordsThatFitAreUsed()
    {
        var engine = thousand.Site.Engine();
        var plan = engine.Search(new SearchRequest(Words)).Plan;
        Assert.InRange(plan.UsedWords, 5, 12); // two shards a word, 36 units: six, unless neighbours share a shard
        Assert.Equal(30, plan.UsedWords + plan.IgnoredWords);
        Assert.Equal(Words.Split(' ').Take(plan.UsedWords), plan.Clauses.Select(c => c.Slots[0].Surface));

        Assert.Equal(0, engine.Search(new SearchRequest("the probation service")).Plan.IgnoredWords);
        var repeated = engine.Search(new SearchRequest(string.Join(' ', Enumerable.Repeat("the", 40)))).Plan;
        Assert.Equal((40, 0), (repeated.UsedWords, repeated.IgnoredWords)); // one term, one shard per segment

        // A required phrase keeps its leading words; an exclusion counts like any word, and past the cut it is ignored.
        var phrase = engine.Search(new SearchRequest("\"" + Words + "\"")).Plan;
        var clause = Assert.Single(phrase.Clauses);
        Assert.True(clause.Quoted);
        Assert.Equal(phrase.UsedWords, clause.Slots.Count);
        Assert.Equal(plan.UsedWords, phrase.UsedWords);
        var excluded = engine.Search(new SearchRequest("-napo " + Words)).Plan;
        Assert.True(excluded.Clauses[0].Negated);
        Assert.DoesNotContain(engine.Search(new SearchRequest(Words + " -napo")).Plan.Clauses, c => c.Negated);

        // The open word past the cut is not expanded, and its pages are not read.
        var typed = engine.Search(new SearchRequest(Words + " probat"));
        Assert.DoesNotContain(typed.Plan.Clauses, c => c.Slots.Any(s => s.Surface == "probat"));
    }

    [Fact]
    public void TheCliNotesIgnoredWordsOnStderrOnly()
    {
        var site = thousand.Site;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SearchCommand.Run(new DirectoryInfo(site.Root), Words, new SearchRequest(Words) { Limit = 3 }, json: true,
            site.Options.Folder, new Reporter(stdout, stderr, interactive: false));
        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.NotNull(JsonNode.Parse(l)!["url"]));
        var plan = site.Search(Words).Plan;
        Assert.Contains($"note: only the first {plan.UsedWords} of the query's 30 words were used", stderr.ToString());

        var quiet = new StringWriter();
        SearchCommand.Run(new DirectoryInfo(site.Root), "probation", new SearchRequest("probation"), json: true, site.Options.Folder,
            new Reporter(new StringWriter(), quiet, interactive: false));
        Assert.DoesNotContain("note:", quiet.ToString());
    }

    /// <summary><paramref name="count"/> terms held by a single post each, spread over the alphabet: each in a shard of its own.</summary>
    private static string RareWords(SearchTestSite site, int count)
    {
        var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
        var rare = new List<string>();
        for (var p = 0; p < reader.Entry.Segments[0].Pages.Count; p++)
        {
            var page = reader.Page(0, p);
            rare.AddRange(page.Terms.Where((t, i) => page.Df[i] == 1 && t.All(char.IsAsciiLetterLower) && t.Length >= 6));
        }
        return string.Join(' ', Enumerable.Range(0, count).Select(i => rare[i * rare.Count / count]));
    }

    private static Archivist.Search.Format.IndexEntryFile Entry(SearchTestSite site) => new IndexReader(new FolderIndexSource(site.IndexFolder)).Entry;

    /// <summary>Bytes as GitHub Pages serves these index files: JSON gzipped, shards (unknown type) as they are.</summary>
    private static long Served(SearchTestSite site, IEnumerable<string> files) => files.Sum(f =>
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.IndexFolder, f));
        return f.EndsWith(".json", StringComparison.Ordinal) ? Gzipped(bytes) : bytes.Length;
    });

    /// <summary>The search page's scripts and style sheet, gzipped: what a first query on a fresh page fetches besides the index.</summary>
    private static long LibraryBytes() =>
        new[] { "search-core.js", "analyzer.js", "stemmer.js", "folding.js", "search-ui.js", "search.css" }
            .Sum(f => Gzipped(File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "assets", "search", f))));

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }
}
