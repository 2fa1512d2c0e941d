using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Search.Format;
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
    private readonly TermTable _table;
    private readonly SpellingMemo _idOfToken = new(MaxMemoised);

    // This document's terms: slot (order of first occurrence) per term id, 0 when absent, else slot + 1.
    private int[] _slotOfId = new int[1024];
    // The text of every term id this analyzer has met (ids come only from its own misses): no lock per term.
    private string?[] _termOfId = new string?[1024];
    private readonly List<int> _idOfSlot = [];
    private int[] _frequencies = new int[64 * FieldLengths.Count];
    private int[] _lastPosition = new int[64];
    // Occurrences in text order: slot and position.
    private int[] _occurrenceSlot = new int[4096];
    private int[] _occurrencePosition = new int[4096];
    private int _occurrences;
    // Scratch for collecting: occurrences grouped by slot, and the encoded positions.
    private int[] _grouped = new int[4096];
    private readonly VarIntWriter _positions = new(1 << 14);
    // A passage's plain text, built and read in place: a fresh string per comment was a gigabyte of garbage at 10,000 posts.
    private readonly System.Text.StringBuilder _plain = new(1 << 14);
    private char[] _plainChars = new char[1 << 14];

    /// <summary>An analyzer numbering terms in <paramref name="table"/>, shared with the build's other analyzers.</summary>
    public PostAnalyzer(TermTable table) => _table = table;

    public PostAnalyzer() : this(new TermTable())
    {
    }

    /// <param name="post">The post.</param>
    /// <param name="fragment">When given, the post's fragment is written from the same plain text as it is analysed (<see cref="DocumentAnalysis.Fragment"/>).</param>
    public DocumentAnalysis Analyze(Post post, DocumentFragmentWriter? fragment = null)
    {
        var starts = new List<int>();
        var lengths = new int[FieldLengths.Count];
        var next = 0;
        fragment?.Begin(post.Url, post.Title, DateOf(post), post.DateEstimated);
        next = AddPassage(post.Title, SearchField.Title, next, starts, lengths);
        var body = PlainText(post.Body);
        fragment?.AddPassage(body);
        next = AddPassage(body, SearchField.Body, next, starts, lengths);
        var ids = new List<string>();
        foreach (var comment in post.AllComments())
        {
            ids.Add(comment.Id);
            var text = PlainText(comment.Text);
            fragment?.AddPassage(text);
            next = AddPassage(text, SearchField.Comments, next, starts, lengths);
        }
        var analysis = Collect(new FieldLengths(lengths[0], lengths[1], lengths[2]), [.. starts], [.. ids]);
        Reset();
        return fragment is null ? analysis : analysis with { Fragment = fragment.Finish(analysis.PassageGaps(), string.Join(' ', analysis.CommentIds)) };
    }

    /// <summary>The fragment of a post whose analysis came from the cache (which holds no text): its plain text again, not analysed.</summary>
    public byte[] Fragment(Post post, DocumentAnalysis analysis, DocumentFragmentWriter fragment)
    {
        fragment.Begin(post.Url, post.Title, DateOf(post), post.DateEstimated);
        fragment.AddPassage(PlainText(post.Body));
        foreach (var comment in post.AllComments()) fragment.AddPassage(PlainText(comment.Text));
        return fragment.Finish(analysis.PassageGaps(), string.Join(' ', analysis.CommentIds));
    }

    /// <summary>A post's date as the index stores it (metadata and fragments).</summary>
    public static string? DateOf(Post post) => post.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private DocumentAnalysis Collect(FieldLengths lengths, int[] passageStarts, string[] commentIds)
    {
        var slots = _idOfSlot.Count;
        // Counting sort of the occurrences by slot: _lastPosition becomes each slot's next free index in
        // _grouped; occurrences are in text order, so each slot's positions come out ascending.
        if (_grouped.Length < _occurrences) _grouped = new int[_occurrenceSlot.Length];
        var next = 0;
        for (var s = 0; s < slots; s++)
        {
            var f = s * FieldLengths.Count;
            _lastPosition[s] = next;
            next += _frequencies[f] + _frequencies[f + 1] + _frequencies[f + 2];
        }
        for (var i = 0; i < _occurrences; i++) _grouped[_lastPosition[_occurrenceSlot[i]]++] = _occurrencePosition[i];

        _positions.Clear();
        var terms = new DocTerm[slots];
        var from = 0;
        for (var s = 0; s < slots; s++)
        {
            var f = s * FieldLengths.Count;
            var start = _positions.Length;
            var previous = 0;
            for (var k = from; k < _lastPosition[s]; k++)
            {
                _positions.Write(_grouped[k] - previous);
                previous = _grouped[k];
            }
            from = _lastPosition[s];
            var id = _idOfSlot[s];
            terms[s] = new DocTerm(id, _termOfId[id]!, _frequencies[f], _frequencies[f + 1], _frequencies[f + 2], start, _positions.Length - start);
        }
        return new DocumentAnalysis(terms, _positions.ToArray(), lengths, passageStarts, commentIds);
    }

    private void Reset()
    {
        foreach (var id in _idOfSlot) _slotOfId[id] = 0;
        Array.Clear(_frequencies, 0, _idOfSlot.Count * FieldLengths.Count);
        _idOfSlot.Clear();
        _occurrences = 0;
    }

    /// <summary>
    /// A passage's plain text in this analyzer's reused buffer (valid until the next call), as
    /// <see cref="MarkdownSyntax.ToPlainText(string)"/> gives it but for the ends' white space, which no token sees.
    /// </summary>
    private ReadOnlySpan<char> PlainText(string markdown)
    {
        if (!WrittenMarkdownText.TryWritePlainText(markdown, _plain)) return MarkdownSyntax.ToPlainText(markdown);
        if (_plainChars.Length < _plain.Length) _plainChars = new char[Math.Max(_plain.Length, _plainChars.Length * 2)];
        _plain.CopyTo(0, _plainChars, _plain.Length);
        return _plainChars.AsSpan(0, _plain.Length);
    }

    private int AddPassage(ReadOnlySpan<char> text, SearchField field, int start, List<int> starts, int[] lengths)
    {
        starts.Add(start);
        var last = -1;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            last = token.Position;
            var id = IdOf(text.Slice(token.Start, token.End - token.Start));
            if (id == Dropped) continue;
            if (!token.Stacked) lengths[(int)field]++;
            Add(id, field, start + token.Position);
        }
        return start + last + 1 + PassageGap;
    }

    /// <summary>The term id of one raw token's text, or <see cref="Dropped"/>.</summary>
    private int IdOf(ReadOnlySpan<char> token)
    {
        if (_idOfToken.TryGet(token, out var known)) return known;
        // Not _analyzer.Term: that memoises too, and a second memo of every spelling per worker costs memory.
        var id = Dropped;
        if (_analyzer.Normalized(token) is { } normalized)
        {
            var term = _analyzer.Stem(normalized);
            id = _table.IdOf(term);
            if (id >= _slotOfId.Length)
            {
                Array.Resize(ref _slotOfId, Math.Max(_slotOfId.Length * 2, id + 1));
                Array.Resize(ref _termOfId, _slotOfId.Length);
            }
            _termOfId[id] = term;
        }
        _idOfToken.Add(token, id);
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
