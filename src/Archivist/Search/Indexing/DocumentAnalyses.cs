using System.Collections.Concurrent;
using Archivist.Content;
using Archivist.Search.Format;

namespace Archivist.Search.Indexing;

/// <summary>
/// Analyses posts on every core and hands the analyses on in doc-id order, as a pipeline: workers take the
/// next post as soon as they are free (posts vary a hundredfold in length, so batches would leave cores
/// idle), while the caller consumes in order. At most <see cref="Window"/> analyses wait at a time, so
/// they die young instead of piling up in the old generation. Analyzers (each with its memos) are pooled,
/// and number terms in the build's one <see cref="TermTable"/>. With <paramref name="fragments"/>, each analysis
/// also carries its document's fragment, written on the same worker from the same text.
/// </summary>
public sealed class DocumentAnalyses(AnalysisCache? cache, TermTable terms, bool fragments = false)
{
    private const int Window = 64;
    private readonly ConcurrentBag<PostAnalyzer> _analyzers = [];
    private int _cached;

    public int CachedDocuments => _cached;

    /// <summary>
    /// Analyses <paramref name="posts"/> (from the cache where it has them) and hands them to <paramref name="inOrder"/>
    /// in order; analyses of posts from index <paramref name="cacheFrom"/> on are added to the cache.
    /// </summary>
    public void ForEach(IReadOnlyList<Post> posts, Action<DocumentAnalysis> inOrder, int cacheFrom = 0)
    {
        var slots = new DocumentAnalysis?[posts.Count];
        var gate = new object(); // Monitor.Wait/PulseAll need a monitor, not a System.Threading.Lock
        var ahead = new SemaphoreSlim(Window);
        var next = -1;
        Exception? failure = null;
        using var stop = new CancellationTokenSource();

        void Work()
        {
            var analyzer = _analyzers.TryTake(out var a) ? a : new PostAnalyzer(terms);
            var fragment = fragments ? new DocumentFragmentWriter() : null;
            try
            {
                while (true)
                {
                    ahead.Wait(stop.Token);
                    var i = Interlocked.Increment(ref next);
                    if (i >= posts.Count) return;
                    var analysis = Analyze(posts[i], analyzer, fragment, write: i >= cacheFrom);
                    lock (gate)
                    {
                        slots[i] = analysis;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= e;
                    Monitor.PulseAll(gate);
                }
            }
            finally
            {
                _analyzers.Add(analyzer);
            }
        }

        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(Work)).ToArray();
        try
        {
            for (var i = 0; i < posts.Count; i++)
            {
                DocumentAnalysis analysis;
                lock (gate)
                {
                    while (slots[i] is null && failure is null) Monitor.Wait(gate);
                    if (failure is not null) throw new InvalidOperationException($"analysing '{posts[Math.Min(i, posts.Count - 1)].Url}' and others failed: {failure.Message}", failure);
                    analysis = slots[i]!;
                    slots[i] = null;
                }
                ahead.Release();
                inOrder(analysis);
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(workers);
        }
    }

    private DocumentAnalysis Analyze(Post post, PostAnalyzer analyzer, DocumentFragmentWriter? fragment, bool write)
    {
        if (cache is null) return analyzer.Analyze(post, fragment);
        var key = AnalysisCache.KeyOf(post);
        if (cache.TryRead(key) is { } hit)
        {
            Interlocked.Increment(ref _cached);
            return fragment is null ? hit : hit with { Fragment = analyzer.Fragment(post, hit, fragment) };
        }
        var analysis = analyzer.Analyze(post, fragment);
        if (write) cache.Write(key, analysis);
        return analysis;
    }
}
