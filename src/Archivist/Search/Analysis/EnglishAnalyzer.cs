namespace Archivist.Search.Analysis;

/// <summary>
/// The analysis chain of <see cref="ArchivistAnalyzer"/>, memoised by raw token text: the whole chain is a pure
/// function of a token's characters, and an archive repeats the same few hundred thousand spellings millions of
/// times, so one hash lookup replaces the chain (this halved indexing time). Queries, snippets and the index use it;
/// a test holds its tokens equal to the Lucene analyzer's. Not thread-safe: use one instance per thread.
/// </summary>
public sealed class EnglishAnalyzer
{
    public const int MaxTermLength = ArchivistAnalyzer.MaxTermLength;

    private const int MaxMemoised = 1 << 20;
    private const string Dropped = "\0dropped"; // memo value for tokens a filter drops (never a real term: NUL)

    private readonly WordFilters _filters = new();
    private readonly StemMemo _stemmer = new();
    private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

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
        var term = Normalized(word) is { } normalized ? _stemmer.Stem(normalized) : null;
        if (_terms.Count < MaxMemoised) _terms[word.ToString()] = term ?? Dropped;
        return term;
    }

    /// <summary>A word folded and filtered but not stemmed (what prefix and typo matching start from), or null when dropped.</summary>
    public string? Normalized(ReadOnlySpan<char> word) => _filters.Normalized(word);

    /// <summary>The stem of an already normalised word.</summary>
    public string Stem(string normalized) => _stemmer.Stem(normalized);
}
