using System.Collections.Concurrent;
using Archivist.Content;

namespace Archivist.Search.Indexing;

/// <summary>
/// Analyses posts on every core, handing them on in doc-id order, a batch at a time so only a batch of
/// analyses is ever held. Analyzers (each with its stem memo) are pooled for the whole run.
/// </summary>
public sealed class DocumentAnalyses(AnalysisCache? cache)
{
    private const int BatchSize = 256;
    private readonly ConcurrentBag<PostAnalyzer> _analyzers = [];
    private int _cached;

    public int CachedDocuments => _cached;

    public void ForEach(IReadOnlyList<Post> posts, Action<DocumentAnalysis> inOrder)
    {
        var batch = new DocumentAnalysis[BatchSize];
        for (var start = 0; start < posts.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, posts.Count - start);
            Parallel.For(0, count,
                () => _analyzers.TryTake(out var a) ? a : new PostAnalyzer(),
                (i, _, analyzer) =>
                {
                    batch[i] = Analyze(posts[start + i], analyzer);
                    return analyzer;
                },
                _analyzers.Add);
            for (var i = 0; i < count; i++)
            {
                inOrder(batch[i]);
                batch[i] = null!;
            }
        }
    }

    private DocumentAnalysis Analyze(Post post, PostAnalyzer analyzer)
    {
        if (cache is null) return analyzer.Analyze(post);
        var key = AnalysisCache.KeyOf(post);
        if (cache.TryRead(key) is { } hit)
        {
            Interlocked.Increment(ref _cached);
            return hit;
        }
        var analysis = analyzer.Analyze(post);
        cache.Write(key, analysis);
        return analysis;
    }
}
