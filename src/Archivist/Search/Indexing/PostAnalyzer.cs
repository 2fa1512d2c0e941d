using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Search.Format;
using Archivist.Search.Scoring;
using TokenStream = Lucene.Net.Analysis.TokenStream;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Archivist.Search.Indexing;

/// <summary>
/// Turns a post into its Lucene document (<see cref="PostDocument"/>). The searchable text is what a reader sees:
/// the title, then the Markdown body and each comment as plain text (<see cref="MarkdownSyntax.ToPlainText"/>).
/// Positions run through the passages in reading order with a gap between passages, so a phrase never matches
/// across two comments, and each field's tokens carry those archive-wide positions (the body's first word is
/// where the title ended plus the gap): a position in any field names one passage of the post's passage table,
/// which is how a hit maps to <c>#c3-2</c>. One instance per thread.
/// </summary>
/// <remarks>
/// The text is analysed here, by the chain of <see cref="ArchivistAnalyzer"/> memoised per raw token (one hash lookup
/// per word of the archive instead of the filters), and handed to Lucene as finished token streams: the passage table
/// and exact field lengths come out of the same pass and go into the document before Lucene inverts it.
/// </remarks>
public sealed class PostAnalyzer
{
    /// <summary>Positions left empty between passages.</summary>
    public const int PassageGap = 4;

    private const int Dropped = -1;
    private const int MaxMemoised = 1 << 20;

    private readonly EnglishAnalyzer _analyzer = new();
    private readonly SpellingMemo _idOfToken = new(MaxMemoised);
    // Each id's term as the UTF-8 bytes Lucene indexes, encoded once per spelling: handing Lucene a term as bytes
    // skips its per-token copy into a char buffer and its UTF-8 encoding (about 3 % of a 10,000-post build's CPU in a profile).
    private readonly TermBytes _terms = new();
    private readonly RecordedTokens[] _fields;
    // A passage's plain text, built and read in place: a fresh string per comment was a gigabyte of garbage at 10,000 posts.
    private readonly System.Text.StringBuilder _plain = new(1 << 14);
    private char[] _plainChars = new char[1 << 14];

    public PostAnalyzer() => _fields = [new(_terms), new(_terms), new(_terms)];

    /// <param name="post">The post.</param>
    /// <param name="fragment">When given, the post's fragment is written from the same plain text as it is analysed.</param>
    public PostDocument Analyze(Post post, DocumentFragmentWriter? fragment = null)
    {
        foreach (var field in _fields) field.Clear();
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
        var meta = new DocumentMeta(post.Url, post.Title, DateOf(post), GapsOf(starts), string.Join(' ', ids)) { DateEstimated = post.DateEstimated };
        return new PostDocument(Document(post, meta, lengths), meta, new FieldLengths(lengths[0], lengths[1], lengths[2]),
            fragment?.Finish(meta.PassageGaps, meta.CommentIds));
    }

    /// <summary>The fragment of a post not analysed in this build: its plain text again, not analysed.</summary>
    public byte[] Fragment(Post post, DocumentMeta meta, DocumentFragmentWriter fragment)
    {
        fragment.Begin(post.Url, post.Title, DateOf(post), post.DateEstimated);
        fragment.AddPassage(PlainText(post.Body));
        foreach (var comment in post.AllComments()) fragment.AddPassage(PlainText(comment.Text));
        return fragment.Finish(meta.PassageGaps, meta.CommentIds);
    }

    /// <summary>A post's date as the index stores it (metadata and fragments).</summary>
    public static string? DateOf(Post post) => post.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int[] GapsOf(List<int> starts)
    {
        var gaps = new int[starts.Count];
        for (var i = 0; i < gaps.Length; i++) gaps[i] = starts[i] - (i == 0 ? 0 : starts[i - 1]);
        return gaps;
    }

    private Document Document(Post post, DocumentMeta meta, int[] lengths)
    {
        var document = new Document
        {
            // The key: indexed for UpdateDocument and DeleteDocuments, and as doc values for the export's id map.
            new StringField(IndexOfRecord.IdField, post.Url, Field.Store.NO),
            new SortedDocValuesField(IndexOfRecord.IdField, new Lucene.Net.Util.BytesRef(post.Url)),
            new BinaryDocValuesField(IndexOfRecord.DigestField, new Lucene.Net.Util.BytesRef(post.Digest)),
            new StoredField(IndexOfRecord.MetaField, JsonSerializer.SerializeToUtf8Bytes(meta, IndexFiles.Json)),
        };
        for (var f = 0; f < _fields.Length; f++)
        {
            if (_fields[f].Count > 0) document.Add(new Field(IndexOfRecord.FieldNames[f], _fields[f], IndexOfRecord.TextField));
            document.Add(new NumericDocValuesField(IndexOfRecord.LengthFields[f], lengths[f]));
        }
        return document;
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
        var tokens = _fields[(int)field];
        var last = -1;
        foreach (var token in Analysis.Tokenizer.Tokenize(text))
        {
            last = token.Position;
            var id = IdOf(text.Slice(token.Start, token.End - token.Start));
            if (id == Dropped) continue;
            if (!token.Stacked) lengths[(int)field]++;
            tokens.Add(id, start + token.Position);
        }
        return start + last + 1 + PassageGap;
    }

    /// <summary>The id (in this analyzer's <see cref="_terms"/>) of one raw token's term, or <see cref="Dropped"/>.</summary>
    private int IdOf(ReadOnlySpan<char> token)
    {
        if (_idOfToken.TryGet(token, out var known)) return known;
        var id = Dropped;
        // Not _analyzer.Term: that memoises too, and a second memo of every spelling per worker costs memory.
        if (_analyzer.Normalized(token) is { } normalized) id = _terms.Add(_analyzer.Stem(normalized));
        _idOfToken.Add(token, id);
        return id;
    }

    /// <summary>Terms by id as UTF-8, in one arena (ids are per spelling, so a term may be held more than once).</summary>
    private sealed class TermBytes
    {
        private byte[] _bytes = new byte[1 << 16];
        private int[] _starts = new int[1 << 12];
        private int _used;

        public int Count { get; private set; }

        /// <summary>Holds <paramref name="term"/>; returns its id.</summary>
        public int Add(string term)
        {
            var length = System.Text.Encoding.UTF8.GetByteCount(term);
            if (_used + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
            if (Count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
            _used += System.Text.Encoding.UTF8.GetBytes(term, _bytes.AsSpan(_used));
            _starts[++Count] = _used; // term i is [_starts[i], _starts[i + 1])
            return Count - 1;
        }

        /// <summary>Points <paramref name="target"/> at term <paramref name="id"/>'s bytes (valid until the next <see cref="Add"/>).</summary>
        public void Fill(int id, Lucene.Net.Util.BytesRef target)
        {
            target.Bytes = _bytes;
            target.Offset = _starts[id];
            target.Length = _starts[id + 1] - _starts[id];
        }

        public bool Same(int a, int b) =>
            a == b || _bytes.AsSpan(_starts[a], _starts[a + 1] - _starts[a]).SequenceEqual(_bytes.AsSpan(_starts[b], _starts[b + 1] - _starts[b]));
    }

    /// <summary>
    /// One field's analysed tokens, replayed to Lucene as a token stream: each term (as UTF-8 bytes, the form Lucene
    /// indexes) at its archive-wide position (the position increment from the token before; 0 for a hyphenated
    /// compound's stacked joined form).
    /// </summary>
    private sealed class RecordedTokens : TokenStream
    {
        private readonly TermBytes _terms;
        private readonly TermBytesAttribute _term = new();
        private readonly IPositionIncrementAttribute _increment;
        private int[] _ids = new int[256];
        private int[] _positions = new int[256];
        private int _next;

        public RecordedTokens(TermBytes terms)
        {
            _terms = terms;
            AddAttributeImpl(_term);
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Add(int id, int position)
        {
            // "walk-s" stacks "walks", whose stem is "walk" again: one occurrence at that position, not two.
            if (Count > 0 && _positions[Count - 1] == position && _terms.Same(_ids[Count - 1], id)) return;
            if (Count == _ids.Length)
            {
                Array.Resize(ref _ids, Count * 2);
                Array.Resize(ref _positions, Count * 2);
            }
            (_ids[Count], _positions[Count]) = (id, position);
            Count++;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }

        public override bool IncrementToken()
        {
            if (_next >= Count) return false;
            // No ClearAttributes(): every attribute the indexer reads (the term and the increment) is set here, and
            // offsets are not indexed.
            _terms.Fill(_ids[_next], _term.BytesRef);
            _increment.PositionIncrement = _positions[_next] - (_next == 0 ? -1 : _positions[_next - 1]);
            _next++;
            return true;
        }
    }

    /// <summary>The term as bytes, which is all Lucene's indexer reads of a token's text.</summary>
    private sealed class TermBytesAttribute : Lucene.Net.Util.Attribute, ITermToBytesRefAttribute
    {
        public Lucene.Net.Util.BytesRef BytesRef { get; } = new();

        public void FillBytesRef()
        {
            // (already filled by the stream)
        }

        public override void Clear()
        {
        }

        public override void CopyTo(Lucene.Net.Util.IAttribute target)
        {
            var other = (TermBytesAttribute)target;
            other.BytesRef.Bytes = BytesRef.Bytes;
            other.BytesRef.Offset = BytesRef.Offset;
            other.BytesRef.Length = BytesRef.Length;
        }
    }
}

/// <summary>A post's Lucene document, with the metadata and field lengths it holds, and its fragment when the build writes fragments.</summary>
public sealed record PostDocument(Document Document, DocumentMeta Meta, FieldLengths Lengths, byte[]? Fragment);
