using Archivist.Search.Indexing;
using Archivist.Search.Scoring;

namespace Archivist.Tests.Search.Indexing;

public class AnalysisCacheTests
{
    private static DocumentAnalysis Analysis(string term, params int[] positions) =>
        DocumentAnalysis.Of([(term, 0, positions.Length, 0, positions)], new FieldLengths(0, positions.Length, 0), [0, 4], ["c1"]);

    [Fact]
    public void EntriesRoundTripThroughThePack()
    {
        var dir = Directory.CreateTempSubdirectory("archivist-analysis-pack").FullName;
        try
        {
            using (var cache = new AnalysisCache(dir))
            {
                cache.Write("a", Analysis("alpha", 1, 5, 300));
                cache.Write("b", Analysis("beta", 2));
                cache.Save(keepUnread: false);
            }
            using (var cache = new AnalysisCache(dir))
            {
                var a = cache.TryRead("a");
                Assert.NotNull(a);
                Assert.Equal("alpha", a.Terms[0].Term);
                Assert.Equal([1, 5, 300], a.PositionsOf(a.Terms[0]));
                Assert.Equal(["c1"], a.CommentIds);
                Assert.Null(cache.TryRead("missing"));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void UnreadEntriesSurviveOnlyWhenAskedTo()
    {
        var dir = Directory.CreateTempSubdirectory("archivist-analysis-pack").FullName;
        try
        {
            using (var cache = new AnalysisCache(dir))
            {
                cache.Write("a", Analysis("alpha", 1));
                cache.Write("b", Analysis("beta", 2));
                cache.Save(keepUnread: false);
            }
            using (var cache = new AnalysisCache(dir))
            {
                Assert.NotNull(cache.TryRead("a"));
                cache.Write("c", Analysis("gamma", 3));
                cache.Save(keepUnread: true); // as after keeping the main segment: "b" is a main-segment post
            }
            using (var cache = new AnalysisCache(dir))
            {
                Assert.NotNull(cache.TryRead("b"));
                Assert.NotNull(cache.TryRead("c"));
                cache.Save(keepUnread: false); // as after a full build: "a" is no longer a post
            }
            using (var cache = new AnalysisCache(dir))
            {
                Assert.Null(cache.TryRead("a"));
                Assert.NotNull(cache.TryRead("b"));
            }
            Assert.Equal([AnalysisCache.FileName], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
