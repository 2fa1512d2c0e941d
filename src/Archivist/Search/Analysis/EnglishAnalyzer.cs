namespace Archivist.Search.Analysis;

/// <summary>
/// The analysis chain of the index and of every query: <see cref="Tokenizer"/> → <see cref="FoldingFilter"/>
/// (lower case, diacritics) → <see cref="PossessiveFilter"/> → <see cref="LengthFilter"/> → <see cref="StemFilter"/>
/// (Snowball English). No stop words: phrases need them, and BM25's idf already makes "the" cheap.
/// Not thread-safe (it memoises stems): use one instance per thread.
/// </summary>
/// <remarks>templates/assets/search/analyzer.js is the same chain for the browser; a test holds them equal.</remarks>
public sealed class EnglishAnalyzer
{
    public const int MaxTermLength = 40;

    private readonly ITokenFilter[] _filters = [new FoldingFilter(), new PossessiveFilter(), new LengthFilter(MaxTermLength)];
    private const int MaxMemoised = 1 << 20;
    private const string Dropped = "\0dropped"; // memo value for tokens a filter drops (never a real term: NUL)

    private readonly StemFilter _stemmer = new();
    // Raw token text → term. The whole chain is a pure function of the token's characters, and an archive
    // repeats the same few hundred thousand spellings millions of times: one hash lookup replaces the chain.
    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private char[] _a = new char[128];
    private char[] _b = new char[128];

    public EnglishAnalyzer() => _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Calls <paramref name="sink"/> for every term of <paramref name="text"/>, in order.</summary>
    public void Analyze(string text, Action<AnalyzedToken> sink)
    {
        foreach (var raw in Tokenizer.Tokenize(text))
        {
            if (Term(text.AsSpan(raw.Start, raw.End - raw.Start)) is { } term)
                sink(new AnalyzedToken(term, raw.Start, raw.End, raw.Position, raw.Stacked));
        }
    }

    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        var tokens = new List<AnalyzedToken>();
        Analyze(text, tokens.Add);
        return tokens;
    }

    /// <summary>The index term of one raw token's text, or null when a filter drops it.</summary>
    public string? Term(ReadOnlySpan<char> word)
    {
        if (_termLookup.TryGetValue(word, out var known)) return ReferenceEquals(known, Dropped) ? null : known;
        var term = Filter(word) is var length and > 0 ? _stemmer.Stem(_a.AsSpan(0, length)) : null;
        if (_terms.Count < MaxMemoised) _terms[word.ToString()] = term ?? Dropped;
        return term;
    }

    /// <summary>A word folded and filtered but not stemmed (what prefix and typo matching start from), or null when dropped.</summary>
    public string? Normalized(ReadOnlySpan<char> word) => Filter(word) is var length and > 0 ? new string(_a, 0, length) : null;

    /// <summary>The stem of an already normalised word.</summary>
    public string Stem(string normalized) => _stemmer.Stem(normalized);

    private int Filter(ReadOnlySpan<char> word)
    {
        var needed = word.Length * 3 + 8;
        if (_a.Length < needed)
        {
            _a = new char[needed];
            _b = new char[needed];
        }
        word.CopyTo(_a);
        var length = word.Length;
        foreach (var filter in _filters)
        {
            length = filter.Apply(_a.AsSpan(0, length), _b);
            if (length == 0) return 0;
            (_a, _b) = (_b, _a);
        }
        return length;
    }
}
