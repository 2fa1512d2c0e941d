using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archivist.Search.Related;

/// <summary>
/// The terms of a few posts and those terms' postings, read from the index of record without walking all of it: for a
/// rebuild that adds a post or two. The index keeps no term vectors, so a post's terms come from walking the term
/// dictionary of the small segment a rebuild put it in; each of its terms is then looked up in every segment.
/// </summary>
internal sealed class DocumentTerms : IRelatedTerms
{
    /// <summary>Posts beyond which walking the whole index is the cheaper way.</summary>
    private const int MaxPosts = 64;

    /// <summary>Documents in the segments to walk beyond which walking the whole index is the cheaper way.</summary>
    private const int MaxSegmentDocuments = 4096;

    private readonly Dictionary<int, (string Term, int Frequency)[]> _termsOf;
    private readonly Dictionary<string, (int[] Orders, int[] Frequencies)> _postings;

    private DocumentTerms(Dictionary<int, (string, int)[]> termsOf, Dictionary<string, (int[], int[])> postings) =>
        (_termsOf, _postings) = (termsOf, postings);

    /// <summary>Whether reading these posts this way is cheaper than a walk of the whole index (<see cref="ArchiveTerms"/>).</summary>
    public static bool Suits(RelatedDocuments documents, IReadOnlyList<int> needed)
    {
        if (needed.Count > MaxPosts) return false;
        var documentsToWalk = 0;
        foreach (var leaf in LeavesOf(documents, needed)) documentsToWalk += documents.Leaves[leaf].AtomicReader.MaxDoc;
        return documentsToWalk <= MaxSegmentDocuments;
    }

    /// <summary>The segments holding the posts, each once (loops, not LINQ: compiled ahead of time, where LINQ's generic code is compiled at run time).</summary>
    private static List<int> LeavesOf(RelatedDocuments documents, IReadOnlyList<int> needed)
    {
        var leaves = new List<int>();
        foreach (var order in needed)
            if (!leaves.Contains(documents.Locations[order].Leaf)) leaves.Add(documents.Locations[order].Leaf);
        return leaves;
    }

    public static DocumentTerms Read(RelatedDocuments documents, IReadOnlyList<int> needed)
    {
        // Each post's terms: a walk of the term dictionaries of the segments holding them.
        var counts = new Dictionary<int, Dictionary<string, int>>();
        foreach (var order in needed) counts[order] = new Dictionary<string, int>(StringComparer.Ordinal);
        var orderOf = new int[documents.OrderOf.Length];
        Array.Fill(orderOf, -1); // only the posts to relate: the walk's pairs for any other are dropped
        foreach (var order in needed) orderOf[documents.Leaves[documents.Locations[order].Leaf].DocBase + documents.Locations[order].Doc] = order;
        foreach (var leaf in LeavesOf(documents, needed))
        {
            var pairOrders = new int[2 * documents.Leaves[leaf].AtomicReader.MaxDoc];
            var pairFrequencies = new int[pairOrders.Length];
            foreach (var (term, count) in TermFields.Open(documents.Leaves, [leaf]).Walk(pairOrders, pairFrequencies, orderOf))
            {
                string? text = null;
                for (var k = 0; k < count; k++)
                {
                    if (pairOrders[k] < 0) continue;
                    var terms = counts[pairOrders[k]];
                    text ??= term.Utf8ToString();
                    terms[text] = terms.GetValueOrDefault(text) + pairFrequencies[k];
                }
            }
        }

        var termsOf = new Dictionary<int, (string, int)[]>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (order, terms) in counts)
        {
            var sorted = new string[terms.Count];
            terms.Keys.CopyTo(sorted, 0);
            Array.Sort(sorted, StringComparer.Ordinal);
            var withFrequencies = new (string, int)[sorted.Length];
            for (var t = 0; t < sorted.Length; t++) withFrequencies[t] = (sorted[t], terms[sorted[t]]);
            termsOf[order] = withFrequencies;
            distinct.UnionWith(sorted);
        }

        // Each of those terms' postings in the whole index.
        var all = TermFields.Open(documents.Leaves);
        var orders = new int[2 * documents.Count];
        var frequencies = new int[2 * documents.Count];
        var postings = new Dictionary<string, (int[], int[])>(StringComparer.Ordinal);
        var lookedUp = new string[distinct.Count];
        distinct.CopyTo(lookedUp);
        Array.Sort(lookedUp, StringComparer.Ordinal);
        foreach (var term in lookedUp)
        {
            var found = TermFields.Combine(orders, frequencies, all.Postings(new BytesRef(term), orders, frequencies, documents.OrderOf));
            postings[term] = (orders[..found], frequencies[..found]);
        }
        return new DocumentTerms(termsOf, postings);
    }

    public void QueryTerms(int order, List<QueryTerm> into)
    {
        into.Clear();
        foreach (var (term, frequency) in _termsOf[order])
        {
            var (orders, frequencies) = _postings[term];
            var older = Array.BinarySearch(orders, order); // the post holds the term: it is there, after the older posts
            into.Add(new QueryTerm(frequency, orders, frequencies, 0, older));
        }
    }
}
