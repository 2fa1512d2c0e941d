using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Format;
using Archivist.Search.Scoring;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archivist.Search.Indexing;

/// <summary>
/// Reads what the browser's files are made of out of the index of record: each post's doc id in the export
/// (<see cref="DocumentOrder"/>: Lucene's own doc ids depend on which thread added a post and on merges), field lengths,
/// metadata, and every term's postings with positions. Documents below <see cref="From"/> (a kept main segment) are
/// left out of the postings and metadata.
/// </summary>
public sealed class IndexExport
{
    private readonly IReadOnlyList<Post> _documents;
    private readonly int[] _orderOf; // Lucene doc → export doc id, -1 for a deleted document
    // The segments holding exported documents, each with its first such document: a kept main segment's documents fill
    // whole Lucene segments (left unread) and the start of others (skipped).
    private readonly List<(AtomicReaderContext Leaf, int First)> _leaves = [];

    /// <summary>Field lengths of every document, by export doc id (read only).</summary>
    public FieldLengths[] Lengths { get; }

    public int From { get; }

    /// <param name="indexed">Where the index of record holds each post.</param>
    /// <param name="documents">The posts in export order.</param>
    /// <param name="from">The first document exported.</param>
    /// <param name="check">Whether a segment's checksums must be verified before it is read (not one this build just wrote).</param>
    public IndexExport(IndexedDocuments indexed, IReadOnlyList<Post> documents, int from, Func<AtomicReader, bool> check)
    {
        _documents = documents;
        From = from;
        _orderOf = indexed.OrderOf;
        Lengths = indexed.Lengths;
        // The segments the export reads, each from its first exported document on.
        var leaves = indexed.Leaves;
        var first = new int[leaves.Count];
        Array.Fill(first, int.MaxValue);
        for (var order = from; order < indexed.Count; order++)
        {
            var (leaf, doc) = indexed.Locations[order];
            first[leaf] = Math.Min(first[leaf], doc);
        }
        for (var l = 0; l < leaves.Count; l++)
        {
            if (first[l] == int.MaxValue) continue;
            // A segment the export reads: every file's checksum first, so that damage is found here and the index built again.
            if (check(leaves[l].AtomicReader)) leaves[l].AtomicReader.CheckIntegrity();
            _leaves.Add((leaves[l], first[l]));
        }
    }

    /// <summary>
    /// The metadata of documents [<see cref="From"/>, end), in export order: from <paramref name="analysed"/> (by URL) for
    /// the posts this build analysed, which is what their stored field holds, else read from the index.
    /// </summary>
    public List<DocumentMeta> Metas(IReadOnlyDictionary<string, DocumentMeta> analysed)
    {
        var metas = new DocumentMeta[Lengths.Length - From];
        var fields = new HashSet<string> { IndexOfRecord.MetaField };
        foreach (var (leaf, first) in _leaves)
        {
            for (var doc = first; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                var order = _orderOf[leaf.DocBase + doc];
                if (order < From) continue;
                if (analysed.TryGetValue(_documents[order].Url, out var meta))
                {
                    metas[order - From] = meta;
                    continue;
                }
                var bytes = leaf.AtomicReader.Document(doc, fields).GetField(IndexOfRecord.MetaField).GetBinaryValue();
                metas[order - From] = JsonSerializer.Deserialize<DocumentMeta>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), IndexFiles.Json)!;
            }
        }
        return [.. metas];
    }

    /// <summary>
    /// Every term with postings in documents [<see cref="From"/>, end), in ordinal order, each with its documents (export ids,
    /// ascending), quantised impacts and positions: the three fields' postings of a term merged, in reading order. A term's
    /// positions live in the walk's buffers: use them before the walk moves on.
    /// </summary>
    public IEnumerable<TermPostings> Postings(Bm25FImpact impact) => Postings(impact, new TermRange(null, null), new Walk());

    /// <summary>
    /// Consecutive ranges of terms that together hold every term, for walking the index on several threads at once (each
    /// walk with enumerators of its own): one for each leading digit and letter, and the rest before, between and after.
    /// </summary>
    public static IReadOnlyList<TermRange> TermRanges { get; } = Ranges();

    private static List<TermRange> Ranges()
    {
        var bounds = "0123456789:abcdefghijklmnopqrstuvwxyz{".Select(c => new BytesRef(c.ToString())).ToList();
        var ranges = new List<TermRange> { new(null, bounds[0]) };
        for (var i = 1; i < bounds.Count; i++) ranges.Add(new TermRange(bounds[i - 1], bounds[i]));
        ranges.Add(new TermRange(bounds[^1], null));
        return ranges;
    }

    /// <summary>The terms from <see cref="From"/> (inclusive) up to <see cref="To"/> (exclusive), in UTF-8 byte order; null is open.</summary>
    public sealed record TermRange(BytesRef? From, BytesRef? To);

    /// <summary>
    /// One walker's buffers, reused from term to term and range to range. The most common terms hold millions of
    /// positions: buffers made afresh for each range grew by doubling each time, about 200 MB of large arrays in a
    /// 10,000-post export that stayed in memory until the next full collection.
    /// </summary>
    public sealed class Walk
    {
        internal readonly List<Hit> Hits = [];
        internal readonly List<int> Positions = [];
        internal readonly VarIntWriter Bytes = new(1 << 12);
        internal readonly HitOrder Sorter = new();
    }

    /// <summary>
    /// As <see cref="Postings(Bm25FImpact)"/>, for the terms in <paramref name="range"/> only, in <paramref name="walk"/>'s
    /// buffers; safe to run for several ranges at once, each with a walk of its own.
    /// </summary>
    public IEnumerable<TermPostings> Postings(Bm25FImpact impact, TermRange range, Walk walk)
    {
        // One enumerator per segment and field, merged here by term: Lucene's own merged view would read every segment.
        var fieldCount = IndexOfRecord.FieldNames.Count;
        var enums = _leaves.SelectMany(l => IndexOfRecord.FieldNames.Select(f => l.Leaf.AtomicReader.GetTerms(f)?.GetEnumerator())).ToArray();
        var current = new BytesRef?[enums.Length];
        for (var f = 0; f < enums.Length; f++) current[f] = First(enums[f], range);
        var reuse = new DocsAndPositionsEnum?[enums.Length];
        var on = new bool[enums.Length];
        var (hits, positions, scratch, sorter) = (walk.Hits, walk.Positions, walk.Bytes, walk.Sorter);
        string? previous = null;
        while (true)
        {
            BytesRef? term = null;
            foreach (var t in current)
                if (t is not null && (term is null || t.CompareTo(term) < 0)) term = t;
            if (term is null) yield break;
            var text = term.Utf8ToString();
            hits.Clear();
            positions.Clear();
            for (var f = 0; f < enums.Length; f++) on[f] = current[f] is { } t && t.BytesEquals(term); // before any enum moves on (the refs are theirs)
            for (var f = 0; f < enums.Length; f++)
            {
                if (!on[f]) continue;
                var (leaf, first) = _leaves[f / fieldCount];
                var postings = reuse[f] = enums[f]!.DocsAndPositions(leaf.AtomicReader.LiveDocs, reuse[f], DocsAndPositionsFlags.NONE);
                for (var doc = postings!.Advance(first); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    var order = _orderOf[leaf.DocBase + doc];
                    if (order < From) continue;
                    var start = positions.Count;
                    for (var k = postings.Freq; k > 0; k--) positions.Add(postings.NextPosition());
                    hits.Add(new Hit(order, f % fieldCount, start, postings.Freq));
                }
            }
            for (var f = 0; f < enums.Length; f++)
                if (on[f]) current[f] = Next(enums[f], range);
            if (hits.Count == 0) continue;
            // Terms are in UTF-8 byte order, which is UTF-16 ordinal order for text without surrogates (the tokenizer
            // never makes a term of one): the order of shards, and of JavaScript's string comparison.
            if (previous is not null && string.CompareOrdinal(previous, text) >= 0) throw new InvalidDataException($"terms out of order: '{previous}', '{text}'");
            previous = text;
            yield return Merge(text, hits, positions, impact, scratch, sorter);
        }
    }

    private static BytesRef? First(TermsEnum? terms, TermRange range)
    {
        if (terms is null) return null;
        if (range.From is null) return Next(terms, range);
        return terms.SeekCeil(range.From) == TermsEnum.SeekStatus.END ? null : Within(terms.Term, range);
    }

    private static BytesRef? Next(TermsEnum? terms, TermRange range) => terms is not null && terms.MoveNext() ? Within(terms.Term, range) : null;

    private static BytesRef? Within(BytesRef term, TermRange range) => range.To is null || term.CompareTo(range.To) < 0 ? term : null;

    /// <summary>One document's postings in one field: where its positions are in the term's position list.</summary>
    internal readonly record struct Hit(int Order, int Field, int Start, int Count) : IComparable<Hit>
    {
        public int CompareTo(Hit other) => Order != other.Order ? Order.CompareTo(other.Order) : Field.CompareTo(other.Field);
    }

    private TermPostings Merge(string term, List<Hit> hits, List<int> positions, Bm25FImpact impact, VarIntWriter w, HitOrder sorter)
    {
        if (!IsSorted(hits)) sorter.Sort(hits);
        var docs = new List<int>(hits.Count);
        var impacts = new List<byte>(hits.Count);
        var counts = new List<int>(hits.Count);
        var starts = new List<int>(hits.Count);
        var lengths = new List<int>(hits.Count);
        Span<int> tf = stackalloc int[FieldLengths.Count];
        w.Clear();
        for (var i = 0; i < hits.Count;)
        {
            var order = hits[i].Order;
            tf.Clear();
            var start = w.Length;
            var previous = 0;
            var count = 0;
            for (; i < hits.Count && hits[i].Order == order; i++)
            {
                var hit = hits[i];
                tf[hit.Field] = hit.Count;
                count += hit.Count;
                for (var k = hit.Start; k < hit.Start + hit.Count; k++)
                {
                    w.Write(positions[k] - previous); // fields in reading order: positions ascend across them
                    previous = positions[k];
                }
            }
            docs.Add(order);
            impacts.Add(impact.Quantised(tf, Lengths[order]));
            counts.Add(count);
            starts.Add(start);
            lengths.Add(w.Length - start);
        }
        // The positions stay in the walk's buffer (a copy of a common term's was a large array each time).
        return new TermPostings(term, [.. docs], [.. impacts], new PositionLists(w.WrittenMemory, [.. counts], [.. starts], [.. lengths]));
    }

    /// <summary>
    /// Puts hits in document order, then field order (a document holds each field once, so the order is unique). A term's
    /// hits come from every segment and field of a cold build, so most terms need this: a common term's hits, dense among
    /// the documents, are placed by their (document, field) slot and read back in slot order; a rare term's are sorted as
    /// packed numbers (document, field, index). Sorting the records through their comparison was 2 % of a cold build.
    /// </summary>
    internal sealed class HitOrder
    {
        private static readonly int Fields = IndexOfRecord.FieldNames.Count; // (fewer than 16: a field takes 4 bits of a key below)
        private long[] _keys = new long[1 << 10];
        private Hit[] _copy = new Hit[1 << 10];
        private int[] _slots = new int[1 << 10]; // by (document − first) · Fields + field: the hit's index + 1; 0 between uses

        public void Sort(List<Hit> hits)
        {
            var count = hits.Count;
            if (_copy.Length < count)
            {
                _keys = new long[Math.Max(count, _copy.Length * 2)];
                _copy = new Hit[_keys.Length];
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hits);
            span.CopyTo(_copy);
            var (first, last) = (int.MaxValue, int.MinValue);
            foreach (var hit in span) (first, last) = (Math.Min(first, hit.Order), Math.Max(last, hit.Order));
            var range = ((long)last - first + 1) * Fields;
            if (range <= 8L * count)
            {
                if (_slots.Length < range) _slots = new int[Math.Max(range, 2L * _slots.Length)];
                for (var i = 0; i < count; i++) _slots[(span[i].Order - first) * Fields + span[i].Field] = i + 1;
                var placed = 0;
                for (var slot = 0; slot < range; slot++)
                {
                    if (_slots[slot] == 0) continue;
                    span[placed++] = _copy[_slots[slot] - 1];
                    _slots[slot] = 0;
                }
                if (placed != count) throw new InvalidDataException("a document's field has postings twice for one term");
                return;
            }
            for (var i = 0; i < count; i++) _keys[i] = ((long)span[i].Order << 32) | ((long)span[i].Field << 28) | (uint)i;
            Array.Sort(_keys, 0, count);
            for (var i = 0; i < count; i++) span[i] = _copy[(int)(_keys[i] & ((1 << 28) - 1))];
        }
    }

    private static bool IsSorted(List<Hit> hits)
    {
        for (var i = 1; i < hits.Count; i++)
            if (hits[i - 1].CompareTo(hits[i]) > 0) return false;
        return true;
    }
}
