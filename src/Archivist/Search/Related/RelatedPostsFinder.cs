using System.Diagnostics;
using Archivist.Content;
using Archivist.Search.Indexing;

namespace Archivist.Search.Related;

/// <summary>Each post's related posts (their URLs, best first), and what working them out cost.</summary>
/// <param name="ByUrl">Every post's list by its URL; empty lists included.</param>
/// <param name="Computed">Posts whose list was worked out in this build (the others came from the cache).</param>
/// <param name="ReadWholeIndex">Whether the whole index's title and body postings were read (else only a few posts' terms).</param>
public sealed record RelatedPosts(IReadOnlyDictionary<string, IReadOnlyList<string>> ByUrl, int Computed, bool ReadWholeIndex, double Seconds);

/// <summary>
/// Works out every post's related posts from the index of record (<see cref="RelatedScorer"/> says how), each post
/// related only to the posts before it in <see cref="Indexing.DocumentOrder"/> with statistics as of that post: a new
/// post never changes an older post's list, and a list depends only on what its cache key
/// (<see cref="RelatedCache.Keys"/>) holds, so a rebuild after a new newest post relates that post alone and gives the
/// same bytes as a clean build.
/// </summary>
public static class RelatedPostsFinder
{
    /// <param name="indexed">Where the index of record, holding exactly <paramref name="documents"/>, holds each.</param>
    /// <param name="documents">The posts in <see cref="Indexing.DocumentOrder"/>.</param>
    /// <param name="cacheDirectory">Where the last build's lists are kept (<see cref="RelatedCache"/>); null: none.</param>
    public static RelatedPosts Find(IndexedDocuments indexed, IReadOnlyList<Post> documents, string? cacheDirectory)
    {
        var clock = Stopwatch.StartNew();
        var keys = RelatedCache.Keys(documents);
        var path = cacheDirectory is null ? null : Path.Combine(cacheDirectory, RelatedCache.FileName);
        var cached = path is null ? [] : RelatedCache.Load(path);
        var orderOfUrl = indexed.OrderOfUrl;

        var lists = new string[documents.Count][];
        var needed = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            // A list under this key names older posts only; anything else is a damaged cache, and the list is worked out again.
            if (cached.TryGetValue(keys[i], out var urls) && urls.All(u => orderOfUrl.TryGetValue(u, out var o) && o < i)) lists[i] = urls;
            else needed.Add(i);
        }

        var wholeIndex = needed.Count > 0 && Relate(indexed, documents, needed, lists);
        if (path is not null && (needed.Count > 0 || cached.Count != documents.Count)) RelatedCache.Save(path, keys, lists);

        var byUrl = new Dictionary<string, IReadOnlyList<string>>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) byUrl[documents[i].Url] = lists[i];
        return new RelatedPosts(byUrl, needed.Count, wholeIndex, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Works out the lists of the <paramref name="needed"/> posts; returns whether the whole index's postings were read for it.</summary>
    private static bool Relate(IndexedDocuments indexed, IReadOnlyList<Post> documents, List<int> needed, string[][] lists)
    {
        var index = RelatedDocuments.Read(indexed);
        var wholeIndex = !DocumentTerms.Suits(index, needed);
        IRelatedTerms terms = wholeIndex ? ArchiveTerms.Read(index, needed) : DocumentTerms.Read(index, needed);
        var scorer = new RelatedScorer(index, documents);
        Parallel.ForEach(needed, () => (new RelatedScorer.Scratch(documents.Count), new List<QueryTerm>()), (order, _, local) =>
        {
            terms.QueryTerms(order, local.Item2);
            lists[order] = [.. scorer.Relate(order, local.Item2, local.Item1).Select(o => documents[o].Url)];
            return local;
        }, _ => { });
        return wholeIndex;
    }
}
