using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// The in-memory inverted index, filled one document at a time in doc-id order. Each term's postings
/// are kept varint-encoded (doc gap, three field frequencies, position gaps), about a byte per number,
/// so a 10,000-post archive's fifty million positions fit in tens of megabytes. Not thread-safe.
/// </summary>
/// <remarks>
/// Documents get ids from <paramref name="firstDoc"/> on: an incremental build accumulates only the tail
/// segment's documents, with the ids they have in the whole archive.
/// </remarks>
public sealed class PostingsAccumulator(int firstDoc = 0)
{
    private readonly Dictionary<string, Buffer> _terms = new(StringComparer.Ordinal);
    private readonly List<FieldLengths> _lengths = [];

    public int Documents => _lengths.Count;

    public int Terms => _terms.Count;

    public void Add(DocumentAnalysis document)
    {
        var doc = firstDoc + _lengths.Count;
        _lengths.Add(document.Lengths);
        foreach (var t in document.Terms)
        {
            if (!_terms.TryGetValue(t.Term, out var buffer)) _terms[t.Term] = buffer = new Buffer { LastDoc = firstDoc };
            var w = buffer.Data;
            w.Write(doc - buffer.LastDoc);
            w.Write(t.TitleFrequency);
            w.Write(t.BodyFrequency);
            w.Write(t.CommentsFrequency);
            var previous = 0;
            foreach (var p in t.Positions)
            {
                w.Write(p - previous);
                previous = p;
            }
            buffer.LastDoc = doc;
            buffer.Df++;
        }
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
        var terms = _terms.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        return terms;
    }

    /// <summary>Decodes one term's postings and computes each document's quantised impact.</summary>
    public TermPostings Postings(string term, Bm25FImpact impact)
    {
        var buffer = _terms[term];
        var docs = new int[buffer.Df];
        var impacts = new byte[buffer.Df];
        var positions = new int[buffer.Df][];
        var r = new VarIntReader(buffer.Data.Written);
        Span<int> tf = stackalloc int[FieldLengths.Count];
        var doc = firstDoc; // the first gap is from firstDoc (Add's LastDoc starts there)
        for (var i = 0; i < docs.Length; i++)
        {
            docs[i] = doc += r.ReadInt();
            tf[0] = r.ReadInt();
            tf[1] = r.ReadInt();
            tf[2] = r.ReadInt();
            var ps = new int[tf[0] + tf[1] + tf[2]];
            var p = 0;
            for (var k = 0; k < ps.Length; k++) ps[k] = p += r.ReadInt();
            positions[i] = ps;
            impacts[i] = impact.Quantised(tf, _lengths[doc - firstDoc]);
        }
        return new TermPostings(term, docs, impacts, positions);
    }

    private sealed class Buffer
    {
        public readonly VarIntWriter Data = new(16);
        public int LastDoc;
        public int Df;
    }
}
