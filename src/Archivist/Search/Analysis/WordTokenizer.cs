using Lucene.Net.Analysis.TokenAttributes;

namespace Archivist.Search.Analysis;

/// <summary>
/// <see cref="Tokenizer"/> as a Lucene tokenizer: the raw text of each word, its offsets, and its position
/// increment (0 for a hyphenated compound's stacked joined form). Lucene's <c>StandardTokenizer</c> (UAX#29)
/// splits differently from the browser's analyzer (it joins letters across '.' and '_', makes each CJK
/// character a token, gives no joined form for "e-mail"), so the project's rules stay.
/// </summary>
public sealed class WordTokenizer : Lucene.Net.Analysis.Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly List<RawToken> _tokens = [];
    private char[] _text = new char[1024];
    private int _length;
    private int _next;
    private int _lastPosition;

    public WordTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        // The whole text first: the tokenizer looks ahead across compounds, and passages are small.
        _length = 0;
        int read;
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
        }
        _tokens.Clear();
        foreach (var token in Tokenizer.Tokenize(_text.AsSpan(0, _length))) _tokens.Add(token);
        _next = 0;
        _lastPosition = -1;
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count) return false;
        ClearAttributes();
        var token = _tokens[_next++];
        _term.CopyBuffer(_text, token.Start, token.End - token.Start);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _increment.PositionIncrement = token.Position - _lastPosition;
        _lastPosition = token.Position;
        return true;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_length);
        _offset.SetOffset(end, end);
    }
}
