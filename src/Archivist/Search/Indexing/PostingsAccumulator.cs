using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// The in-memory inverted index, filled one document at a time in doc-id order. Each term's postings
/// are kept varint-encoded (doc gap, three field frequencies, the byte length of the positions, then the
/// positions as gaps, exactly as a term entry stores them), about a byte per number, so a 10,000-post
/// archive's fifty million positions fit in tens of megabytes, and encoding an entry copies position
/// bytes instead of decoding them. Terms are found by their <see cref="TermTable"/> id. Not thread-safe.
/// </summary>
/// <remarks>
/// Documents get ids from <paramref name="firstDoc"/> on: an incremental build accumulates only the tail
/// segment's documents, with the ids they have in the whole archive.
/// </remarks>
public sealed class PostingsAccumulator(TermTable table, int firstDoc = 0)
{
    private Buffer?[] _byId = new Buffer?[1024];
    private readonly Dictionary<string, Buffer> _byTerm = new(StringComparer.Ordinal);
    private readonly List<FieldLengths> _lengths = [];

    public int Documents => _lengths.Count;

    public int Terms => _byTerm.Count;

    public void Add(DocumentAnalysis document)
    {
        var doc = firstDoc + _lengths.Count;
        _lengths.Add(document.Lengths);
        foreach (var t in document.Terms)
        {
            var buffer = BufferOf(t);
            var w = buffer.Data;
            w.Write(doc - buffer.LastDoc);
            w.Write(t.TitleFrequency);
            w.Write(t.BodyFrequency);
            w.Write(t.CommentsFrequency);
            w.Write(t.PositionsLength);
            w.WriteBytes(document.PositionBytes(t));
            buffer.LastDoc = doc;
            buffer.Df++;
        }
    }

    private Buffer BufferOf(in DocTerm t)
    {
        var id = t.Id >= 0 ? t.Id : table.IdOf(t.Term);
        if (id >= _byId.Length) Array.Resize(ref _byId, Math.Max(_byId.Length * 2, id + 1));
        if (_byId[id] is { } known) return known;
        var buffer = new Buffer { LastDoc = firstDoc };
        _byId[id] = buffer;
        _byTerm.Add(t.Term, buffer);
        return buffer;
    }

    /// <summary>Field lengths summed over the accumulated documents (token counts: exact in a double, in any order).</summary>
    public FieldLengths Sums() => SumsBelow(firstDoc + _lengths.Count);

    /// <summary>Field lengths summed over the accumulated documents with ids below <paramref name="doc"/>.</summary>
    public FieldLengths SumsBelow(int doc)
    {
        double title = 0, body = 0, comments = 0;
        foreach (var l in _lengths.Take(Math.Clamp(doc - firstDoc, 0, _lengths.Count)))
        {
            title += l.Title;
            body += l.Body;
            comments += l.Comments;
        }
        return new FieldLengths(title, body, comments);
    }

    /// <summary>Field lengths averaged over the archive, stabilised (see <see cref="FieldLengths.Stabilised"/>).</summary>
    public FieldLengths Averages() => AveragesOf(Sums(), _lengths.Count);

    /// <summary>Stabilised averages from summed lengths over <paramref name="documents"/> documents.</summary>
    public static FieldLengths AveragesOf(FieldLengths sums, int documents) =>
        documents == 0 ? new FieldLengths(1, 1, 1)
            : new FieldLengths(sums.Title / documents, sums.Body / documents, sums.Comments / documents).Stabilised();

    /// <summary>Terms in ordinal (UTF-16) order: the order of shards, and of JavaScript's string comparison.</summary>
    public IReadOnlyList<string> SortedTerms()
    {
        var terms = _byTerm.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        return terms;
    }

    /// <summary>Reads one term's postings and computes each document's quantised impact; positions stay encoded.</summary>
    public TermPostings Postings(string term, Bm25FImpact impact)
    {
        var buffer = _byTerm[term];
        var data = buffer.Data.WrittenMemory;
        var docs = new int[buffer.Df];
        var impacts = new byte[buffer.Df];
        var counts = new int[buffer.Df];
        var starts = new int[buffer.Df];
        var lengths = new int[buffer.Df];
        var r = new VarIntReader(data.Span);
        Span<int> tf = stackalloc int[FieldLengths.Count];
        var doc = firstDoc; // the first gap is from firstDoc (Add's LastDoc starts there)
        for (var i = 0; i < docs.Length; i++)
        {
            docs[i] = doc += r.ReadInt();
            tf[0] = r.ReadInt();
            tf[1] = r.ReadInt();
            tf[2] = r.ReadInt();
            counts[i] = tf[0] + tf[1] + tf[2];
            lengths[i] = r.ReadInt();
            starts[i] = r.Offset;
            r.ReadBytes(lengths[i]);
            impacts[i] = impact.Quantised(tf, _lengths[doc - firstDoc]);
        }
        return new TermPostings(term, docs, impacts, new PositionLists(data, counts, starts, lengths));
    }

    private sealed class Buffer
    {
        public readonly VarIntWriter Data = new(16);
        public int LastDoc;
        public int Df;
    }
}
