using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// Turns a post into a <see cref="DocumentAnalysis"/>. The searchable text is what a reader sees: the
/// title, then the Markdown body and each comment as plain text (<see cref="MarkdownSyntax.ToPlainText"/>).
/// Positions run through the passages in reading order with a gap between passages, so a phrase never
/// matches across two comments. One instance per thread.
/// </summary>
public sealed class PostAnalyzer
{
    /// <summary>Positions left empty between passages.</summary>
    public const int PassageGap = 4;

    private readonly EnglishAnalyzer _analyzer = new();
    // Keyed by reference: the stem filter hands out one string instance per stem, so no string hashing here.
    private readonly Dictionary<string, Occurrences> _terms = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<Occurrences> _pool = new();

    public DocumentAnalysis Analyze(Post post)
    {
        var starts = new List<int>();
        var lengths = new int[FieldLengths.Count];
        var next = 0;
        next = AddPassage(post.Title, SearchField.Title, next, starts, lengths);
        next = AddPassage(MarkdownSyntax.ToPlainText(post.Body), SearchField.Body, next, starts, lengths);
        var ids = new List<string>();
        foreach (var comment in post.AllComments())
        {
            ids.Add(comment.Id);
            next = AddPassage(MarkdownSyntax.ToPlainText(comment.Text), SearchField.Comments, next, starts, lengths);
        }

        var terms = new List<DocTerm>(_terms.Count);
        foreach (var (term, o) in _terms)
        {
            terms.Add(new DocTerm(term, o.Frequencies[0], o.Frequencies[1], o.Frequencies[2], [.. o.Positions]));
            o.Clear();
            _pool.Push(o);
        }
        _terms.Clear();
        return new DocumentAnalysis(terms, new FieldLengths(lengths[0], lengths[1], lengths[2]), [.. starts], [.. ids]);
    }

    private int AddPassage(string text, SearchField field, int start, List<int> starts, int[] lengths)
    {
        starts.Add(start);
        var last = -1;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            last = token.Position;
            if (_analyzer.Term(text.AsSpan(token.Start, token.End - token.Start)) is not { } term) continue;
            if (!token.Stacked) lengths[(int)field]++;
            if (!_terms.TryGetValue(term, out var o))
            {
                o = _pool.Count > 0 ? _pool.Pop() : new Occurrences();
                _terms[term] = o;
            }
            o.Add(field, start + token.Position);
        }
        return start + last + 1 + PassageGap;
    }

    private sealed class Occurrences
    {
        public readonly int[] Frequencies = new int[FieldLengths.Count];
        public readonly List<int> Positions = [];

        public void Add(SearchField field, int position)
        {
            if (Positions.Count > 0 && Positions[^1] == position) return; // "x-x" stacks "xx", never "x" twice
            Frequencies[(int)field]++;
            Positions.Add(position);
        }

        public void Clear()
        {
            Array.Clear(Frequencies);
            Positions.Clear();
        }
    }
}
