using Archivist.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archivist.Search.Related;

/// <summary>
/// The title and body postings of the whole index of record, read in one walk of its term dictionaries, for relating
/// many posts at once (a first build, or an older post changed): every term two or more posts hold, with its posts in
/// order and their weighted frequencies, and for each post to relate, its terms. Terms one post alone holds relate
/// nothing and are not kept.
/// </summary>
internal sealed class ArchiveTerms : IRelatedTerms
{
    private readonly int[] _starts; // term → where its postings start; one more at the end
    private readonly int[] _orders;
    private readonly int[] _frequencies;
    private readonly int[] _forwardStarts; // order → where its terms start in _forwardTerms; one more at the end
    private readonly int[] _forwardTerms;
    private readonly int[] _forwardRanks; // where the post is in the term's postings: how many older posts hold it

    private ArchiveTerms(int[] starts, int[] orders, int[] frequencies, int[] forwardStarts, int[] forwardTerms, int[] forwardRanks)
    {
        (_starts, _orders, _frequencies) = (starts, orders, frequencies);
        (_forwardStarts, _forwardTerms, _forwardRanks) = (forwardStarts, forwardTerms, forwardRanks);
    }

    /// <param name="documents">The archive in the index.</param>
    /// <param name="needed">The posts (by order) whose terms are wanted.</param>
    public static ArchiveTerms Read(RelatedDocuments documents, IReadOnlyList<int> needed)
    {
        var fields = TermFields.Open(documents.Leaves);
        // Sized once from what the index says it holds (the postings kept are fewer: a post's title and body count once,
        // terms of one post are left out): grown by doubling and copied to size, these were about 200 MB of large arrays
        // at 10,000 posts, dead once the posts are related but held until the next full collection.
        var pairs = fields.PairsBound();
        var starts = new GrowingInts(1 << 16);
        var orders = new GrowingInts(pairs > 0 ? pairs : 1 << 20);
        var frequencies = new GrowingInts(pairs > 0 ? pairs : 1 << 20);
        var hitOrders = new int[2 * documents.Count];
        var hitFrequencies = new int[2 * documents.Count];
        foreach (var (_, count) in fields.Walk(hitOrders, hitFrequencies, documents.OrderOf))
        {
            var distinct = TermFields.Combine(hitOrders, hitFrequencies, count);
            if (distinct < 2) continue;
            starts.Add(orders.Count);
            orders.AddRange(hitOrders.AsSpan(0, distinct));
            frequencies.AddRange(hitFrequencies.AsSpan(0, distinct));
        }
        var termCount = starts.Count;
        starts.Add(orders.Count);
        var termStarts = starts.ToArray();
        var postings = orders.Items; // (read only up to the last term's end)

        // Each needed post's terms, in term order: counted, then filled.
        var isNeeded = new bool[documents.Count];
        foreach (var order in needed) isNeeded[order] = true;
        var forwardStarts = new int[documents.Count + 1];
        foreach (var order in postings.AsSpan(0, termStarts[^1]))
            if (isNeeded[order]) forwardStarts[order + 1]++;
        for (var i = 0; i < documents.Count; i++) forwardStarts[i + 1] += forwardStarts[i];
        var forwardTerms = new int[forwardStarts[^1]];
        var forwardRanks = new int[forwardStarts[^1]];
        var next = forwardStarts[..^1];
        for (var t = 0; t < termCount; t++)
        {
            for (var k = termStarts[t]; k < termStarts[t + 1]; k++)
            {
                var order = postings[k];
                if (!isNeeded[order]) continue;
                forwardTerms[next[order]] = t;
                forwardRanks[next[order]++] = k - termStarts[t];
            }
        }
        return new ArchiveTerms(termStarts, postings, frequencies.Items, forwardStarts, forwardTerms, forwardRanks);
    }

    public void QueryTerms(int order, List<QueryTerm> into)
    {
        into.Clear();
        for (var f = _forwardStarts[order]; f < _forwardStarts[order + 1]; f++)
        {
            var start = _starts[_forwardTerms[f]];
            var rank = _forwardRanks[f];
            into.Add(new QueryTerm(_frequencies[start + rank], _orders, _frequencies, start, rank));
        }
    }

    /// <summary>An int list that grows by doubling without a <see cref="List{T}"/>'s per-item cost.</summary>
    private sealed class GrowingInts(int capacity)
    {
        private int[] _items = new int[capacity];

        public int Count { get; private set; }

        public void Add(int value)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = value;
        }

        public void AddRange(ReadOnlySpan<int> values)
        {
            if (Count + values.Length > _items.Length) Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + values.Length));
            values.CopyTo(_items.AsSpan(Count));
            Count += values.Length;
        }

        public int[] ToArray() => _items[..Count];

        /// <summary>The items, in an array that may be longer than <see cref="Count"/>.</summary>
        public int[] Items => _items;
    }
}

/// <summary>Where a post's terms come from: <see cref="ArchiveTerms"/> (the whole index) or <see cref="DocumentTerms"/> (a few posts).</summary>
internal interface IRelatedTerms
{
    /// <summary>The post's terms in index order into <paramref name="into"/> (cleared first).</summary>
    void QueryTerms(int order, List<QueryTerm> into);
}

/// <summary>
/// The fields relating reads (title, weighted by <see cref="RelatedScorer.TitleWeight"/>, and body: comments wander
/// off the post's subject), in every segment, as term enumerators merged into one walk in term order.
/// </summary>
internal sealed class TermFields
{
    private static readonly (string Field, int Weight)[] Fields =
        [(IndexOfRecord.FieldNames[0], RelatedScorer.TitleWeight), (IndexOfRecord.FieldNames[1], 1)];

    private readonly List<(AtomicReader Reader, int DocBase, TermsEnum Terms, int Weight)> _enums = [];
    private long _pairs; // the fields' postings together, as the index counts them; -1 when a field does not say

    private TermFields()
    {
    }

    public static TermFields Open(IList<AtomicReaderContext> leaves) => Open(leaves, Enumerable.Range(0, leaves.Count));

    public static TermFields Open(IList<AtomicReaderContext> leaves, IEnumerable<int> which)
    {
        var fields = new TermFields();
        foreach (var l in which)
        {
            var leaf = leaves[l];
            foreach (var (field, weight) in Fields)
            {
                if (leaf.AtomicReader.GetTerms(field) is not { } postings) continue;
                fields._enums.Add((leaf.AtomicReader, leaf.DocBase, postings.GetEnumerator(), weight));
                fields._pairs = fields._pairs < 0 || postings.SumDocFreq < 0 ? -1 : fields._pairs + postings.SumDocFreq;
            }
        }
        return fields;
    }

    /// <summary>
    /// At least as many as the (order, frequency) pairs a whole <see cref="Walk"/> writes (deleted documents are counted
    /// too), or 0 when the index does not say or they would not fit one array.
    /// </summary>
    public int PairsBound() => _pairs > 0 && _pairs <= Array.MaxLength ? (int)_pairs : 0;

    /// <summary>
    /// Every term in order: its postings in all the fields and segments as (order, weighted frequency) pairs, unsorted,
    /// a post twice when both its title and body hold the term; yields the term (valid until the walk moves on) and how
    /// many pairs it wrote.
    /// </summary>
    public IEnumerable<(BytesRef Term, int Count)> Walk(int[] orders, int[] frequencies, int[] orderOf)
    {
        var current = new BytesRef?[_enums.Count];
        for (var e = 0; e < _enums.Count; e++) current[e] = Next(_enums[e].Terms);
        var on = new bool[_enums.Count];
        var reuse = new DocsEnum?[_enums.Count];
        while (true)
        {
            BytesRef? term = null;
            foreach (var t in current)
                if (t is not null && (term is null || t.CompareTo(term) < 0)) term = t;
            if (term is null) yield break;
            for (var e = 0; e < _enums.Count; e++) on[e] = current[e] is { } t && t.BytesEquals(term); // before any enumerator moves on (the refs are theirs)
            var count = 0;
            for (var e = 0; e < _enums.Count; e++)
            {
                if (!on[e]) continue;
                var (reader, docBase, terms, weight) = _enums[e];
                var docs = reuse[e] = terms.Docs(reader.LiveDocs, reuse[e], DocsFlags.FREQS);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    orders[count] = orderOf[docBase + doc];
                    frequencies[count++] = docs.Freq * weight;
                }
            }
            yield return (term, count);
            for (var e = 0; e < _enums.Count; e++)
                if (on[e]) current[e] = Next(_enums[e].Terms);
        }
    }

    /// <summary>The postings of one term from every field and segment, as (order, weighted frequency) pairs, unsorted.</summary>
    public int Postings(BytesRef term, int[] orders, int[] frequencies, int[] orderOf)
    {
        var count = 0;
        foreach (var (reader, docBase, terms, weight) in _enums)
        {
            if (!terms.SeekExact(term)) continue;
            var docs = terms.Docs(reader.LiveDocs, null, DocsFlags.FREQS);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                orders[count] = orderOf[docBase + doc];
                frequencies[count++] = docs.Freq * weight;
            }
        }
        return count;
    }

    /// <summary>Sorts the first <paramref name="count"/> pairs by order and adds up a post's title and body; returns how many posts.</summary>
    public static int Combine(int[] orders, int[] frequencies, int count)
    {
        if (count == 0) return 0;
        Array.Sort(orders, frequencies, 0, count);
        var distinct = 1;
        for (var k = 1; k < count; k++)
        {
            if (orders[k] == orders[distinct - 1]) frequencies[distinct - 1] += frequencies[k];
            else
            {
                orders[distinct] = orders[k];
                frequencies[distinct++] = frequencies[k];
            }
        }
        return distinct;
    }

    private static BytesRef? Next(TermsEnum terms) => terms.MoveNext() ? terms.Term : null;
}
