using Archivist.Search;
using Archivist.Search.Analysis;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Support;

namespace Archivist.Tests.Search.Indexing;

/// <summary>
/// The byte bounds that keep every query small, as size properties of a generated corpus. The corpus is
/// small, so the policy is scaled down with it (the defaults give the same shape at 10,000 posts; the
/// benchmark measures those).
/// </summary>
public class IndexSizeTests
{
    private static readonly SearchIndexOptions Tight = new() { TopImpacts = 40, PositionBytes = 600, ShardBytes = 3000, PageTerms = 256 };

    [Fact]
    public void NoShardAndNoQueryExceedsItsBound()
    {
        var (posts, _) = SearchTestSite.Generated(300);
        using var site = new SearchTestSite(posts, Tight);

        // A term entry is at most: flags, df, a bitmap or gaps, TopImpacts (gap + byte) + rest, PositionBytes + one document's.
        var entryBound = 16 + Math.Min(posts.Count * 3, posts.Count / 8 + 8) + Tight.TopImpacts * 3 + 1 + Tight.PositionBytes + 4096;
        var shards = Directory.GetFiles(Path.Combine(site.IndexFolder, "t"));
        Assert.True(shards.Length > 20);
        Assert.All(shards, f => Assert.True(new FileInfo(f).Length <= Math.Max(Tight.ShardBytes, entryBound),
            $"{Path.GetFileName(f)}: {new FileInfo(f).Length} bytes"));

        var analyzer = new EnglishAnalyzer();
        var queries = new[]
        {
            "the", "the of and to a in that is", "\"the probation service\"", "probation -the", "th", "the probation servic",
            "probatio", "re-offen", "e-mai", "HMPPS/Mo", "rpobation", "robation probation", // stems, joined forms, typos at the start
        };
        foreach (var query in queries)
        {
            var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
            new QueryEngine(reader).Search(new SearchRequest(query));
            var words = query.Split(' ').Length;
            // Each analysed term (joined forms included), the open word's completions and stem, each word's corrections.
            var terms = analyzer.Analyze(query).Count + QueryPlanner.MaxPrefixExpansions + 1 + words * TypoExpander.MaxCorrections;
            // The open word's prefix pages and cuts' pages; per word, its own page, its neighbours and the far typo pages.
            var pages = QueryPlanner.MaxPrefixPages + QueryPlanner.MaxStemCut + words * (2 * TypoExpander.PageReach + 1 + TypoExpander.MaxFarPages);
            var bound = new FileInfo(Path.Combine(site.IndexFolder, "index.json")).Length
                        + Directory.GetFiles(Path.Combine(site.IndexFolder, "s")).Sum(f => new FileInfo(f).Length) // shard tables
                        + terms * Math.Max(Tight.ShardBytes, entryBound)
                        + pages * 8 * 1024
                        + 10 * 4 * 1024; // ten metadata chunks
            Assert.True(reader.BytesRead <= bound, $"'{query}' read {reader.BytesRead} bytes, bound {bound}");
        }
    }

    [Fact]
    public void CommonWordsCostNoMoreThanTheirBudget()
    {
        var (posts, _) = SearchTestSite.Generated(300);
        using var site = new SearchTestSite(posts, Tight);
        var reader = new IndexReader(new FolderIndexSource(site.IndexFolder));
        var the = reader.Lookup("the")!;
        Assert.Equal(posts.Count, the.DocumentFrequency);  // membership stays exact
        Assert.True(the.Positions.Count < posts.Count / 4); // positions only for its best documents
        Assert.True(reader.BytesRead < 30_000, $"{reader.BytesRead} bytes to look up 'the' in {posts.Count} posts");
    }
}
