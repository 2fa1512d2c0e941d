using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// The in-memory inverted index, filled one document at a time in doc-id order. Each term's postings
/// are kept varint-encoded (doc gap, three field frequencies, position gaps), about a byte per number,
/// so a 10,000-post archive's fifty million positions fit in tens of megabytes. Not thread-safe.
/// </summary>
public sealed class PostingsAccumulator
{
    private readonly Dictionary<string, Buffer> _terms = new(StringComparer.Ordinal);
    private readonly List<FieldLengths> _lengths = [];

    public int Documents => _lengths.Count;

    public int Terms => _terms.Count;

    public void Add(DocumentAnalysis document)
    {
        var doc = _lengths.Count;
        _lengths.Add(document.Lengths);
        foreach (var t in document.Terms)
        {
            if (!_terms.TryGetValue(t.Term, out var buffer)) _terms[t.Term] = buffer = new Buffer();
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

    /// <summary>Field lengths averaged over the archive, stabilised (see <see cref="FieldLengths.Stabilised"/>).</summary>
    public FieldLengths Averages()
    {
        if (_lengths.Count == 0) return new FieldLengths(1, 1, 1);
        return new FieldLengths(_lengths.Average(l => l.Title), _lengths.Average(l => l.Body), _lengths.Average(l => l.Comments)).Stabilised();
    }

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
        var doc = 0;
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
            impacts[i] = impact.Quantised(tf, _lengths[doc]);
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
