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
        var (cachedKeys, cachedLists) = path is null ? ([], []) : RelatedCache.Load(path);
        var orderOfUrl = indexed.OrderOfUrl;

        var lists = new string[documents.Count][];
        var needed = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            // A key holds the post and every post before it, and the cache is saved in document order: a list saved under
            // post i's key was saved at place i. It names older posts only; anything else is a damaged cache, and the
            // list is worked out again.
            if (i < cachedKeys.Length && cachedKeys[i] == keys[i] && NamesOlderPosts(cachedLists[i], i, orderOfUrl)) lists[i] = cachedLists[i];
            else needed.Add(i);
        }

        var wholeIndex = needed.Count > 0 && Relate(indexed, documents, needed, lists);
        if (path is not null && (needed.Count > 0 || cachedKeys.Length != documents.Count)) RelatedCache.Save(path, keys, lists);
        return new RelatedPosts(new RelatedLists(documents, orderOfUrl, lists), needed.Count, wholeIndex, clock.Elapsed.TotalSeconds);
    }

    private static bool NamesOlderPosts(string[] urls, int order, IReadOnlyDictionary<string, int> orderOfUrl)
    {
        foreach (var url in urls)
            if (!orderOfUrl.TryGetValue(url, out var other) || other >= order) return false;
        return true;
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
            var related = scorer.Relate(order, local.Item2, local.Item1);
            var urls = new string[related.Length];
            for (var k = 0; k < urls.Length; k++) urls[k] = documents[related[k]].Url;
            lists[order] = urls;
            return local;
        }, _ => { });
        return wholeIndex;
    }
}

/// <summary>Every post's related list by its URL, over the lists by order (a second dictionary of 10,000 posts was 0.25 MB more).</summary>
internal sealed class RelatedLists(IReadOnlyList<Post> documents, IReadOnlyDictionary<string, int> orderOfUrl, string[][] lists)
    : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    public IReadOnlyList<string> this[string url] => TryGetValue(url, out var list) ? list : throw new KeyNotFoundException(url);

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < documents.Count; i++) yield return documents[i].Url;
        }
    }

    public IEnumerable<IReadOnlyList<string>> Values => lists;

    public int Count => lists.Length;

    public bool ContainsKey(string url) => orderOfUrl.ContainsKey(url);

    public bool TryGetValue(string url, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyList<string> list)
    {
        list = orderOfUrl.TryGetValue(url, out var order) ? lists[order] : null;
        return list is not null;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        for (var i = 0; i < lists.Length; i++) yield return new(documents[i].Url, lists[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
