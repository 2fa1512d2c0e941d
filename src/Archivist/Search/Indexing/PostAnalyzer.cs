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
/// <remarks>
/// The hot loop runs once per token (tens of millions in a large archive), so it does one hash lookup per
/// token: raw token text → term id, memoised per analyzer (the chain is a pure function of the characters).
/// A document's occurrences go into flat arrays indexed by a per-document slot, and each term's position
/// array is cut from them once at the end, instead of a dictionary of growing lists per term.
/// </remarks>
public sealed class PostAnalyzer
{
    /// <summary>Positions left empty between passages.</summary>
    public const int PassageGap = 4;

    private const int Dropped = -1;
    private const int MaxMemoised = 1 << 20;

    private readonly EnglishAnalyzer _analyzer = new();
    private readonly Dictionary<string, int> _idOfToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idOfTokenText;
    private readonly Dictionary<string, int> _idOfTerm = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];

    // This document's terms: slot (order of first occurrence) per term id, 0 when absent, else slot + 1.
    private int[] _slotOfId = new int[1024];
    private readonly List<int> _idOfSlot = [];
    private int[] _frequencies = new int[64 * FieldLengths.Count];
    private int[] _lastPosition = new int[64];
    // Occurrences in text order: slot and position.
    private int[] _occurrenceSlot = new int[4096];
    private int[] _occurrencePosition = new int[4096];
    private int _occurrences;

    public PostAnalyzer() => _idOfTokenText = _idOfToken.GetAlternateLookup<ReadOnlySpan<char>>();

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
        var analysis = new DocumentAnalysis(CollectTerms(), new FieldLengths(lengths[0], lengths[1], lengths[2]), [.. starts], [.. ids]);
        Reset();
        return analysis;
    }

    private DocTerm[] CollectTerms()
    {
        var slots = _idOfSlot.Count;
        var positions = new int[slots][];
        for (var s = 0; s < slots; s++)
        {
            var f = s * FieldLengths.Count;
            positions[s] = new int[_frequencies[f] + _frequencies[f + 1] + _frequencies[f + 2]];
        }
        // Reuse _lastPosition as each slot's fill count: occurrences are in text order, so positions come out ascending.
        Array.Clear(_lastPosition, 0, slots);
        for (var i = 0; i < _occurrences; i++)
        {
            var s = _occurrenceSlot[i];
            positions[s][_lastPosition[s]++] = _occurrencePosition[i];
        }
        var terms = new DocTerm[slots];
        for (var s = 0; s < slots; s++)
        {
            var f = s * FieldLengths.Count;
            terms[s] = new DocTerm(_terms[_idOfSlot[s]], _frequencies[f], _frequencies[f + 1], _frequencies[f + 2], positions[s]);
        }
        return terms;
    }

    private void Reset()
    {
        foreach (var id in _idOfSlot) _slotOfId[id] = 0;
        Array.Clear(_frequencies, 0, _idOfSlot.Count * FieldLengths.Count);
        _idOfSlot.Clear();
        _occurrences = 0;
    }

    private int AddPassage(string text, SearchField field, int start, List<int> starts, int[] lengths)
    {
        starts.Add(start);
        var last = -1;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            last = token.Position;
            var id = IdOf(text.AsSpan(token.Start, token.End - token.Start));
            if (id == Dropped) continue;
            if (!token.Stacked) lengths[(int)field]++;
            Add(id, field, start + token.Position);
        }
        return start + last + 1 + PassageGap;
    }

    /// <summary>The term id of one raw token's text, or <see cref="Dropped"/>.</summary>
    private int IdOf(ReadOnlySpan<char> token)
    {
        if (_idOfTokenText.TryGetValue(token, out var known)) return known;
        // Not _analyzer.Term: that memoises too, and a second memo of every spelling per worker costs memory.
        var id = _analyzer.Normalized(token) is { } normalized ? IdOfTerm(_analyzer.Stem(normalized)) : Dropped;
        if (_idOfToken.Count < MaxMemoised) _idOfToken[token.ToString()] = id;
        return id;
    }

    private int IdOfTerm(string term)
    {
        if (_idOfTerm.TryGetValue(term, out var id)) return id;
        id = _terms.Count;
        _terms.Add(term);
        _idOfTerm[term] = id;
        if (_slotOfId.Length <= id) Array.Resize(ref _slotOfId, _slotOfId.Length * 2);
        return id;
    }

    private void Add(int id, SearchField field, int position)
    {
        var slot = _slotOfId[id] - 1;
        if (slot < 0)
        {
            slot = _idOfSlot.Count;
            _idOfSlot.Add(id);
            _slotOfId[id] = slot + 1;
            if (_lastPosition.Length <= slot)
            {
                Array.Resize(ref _lastPosition, _lastPosition.Length * 2);
                Array.Resize(ref _frequencies, _lastPosition.Length * FieldLengths.Count);
            }
            _lastPosition[slot] = -1;
        }
        else if (_lastPosition[slot] == position) return; // "x-x" stacks "xx", never "x" twice
        _lastPosition[slot] = position;
        _frequencies[slot * FieldLengths.Count + (int)field]++;
        if (_occurrences == _occurrenceSlot.Length)
        {
            Array.Resize(ref _occurrenceSlot, _occurrences * 2);
            Array.Resize(ref _occurrencePosition, _occurrences * 2);
        }
        _occurrenceSlot[_occurrences] = slot;
        _occurrencePosition[_occurrences++] = position;
    }
}
