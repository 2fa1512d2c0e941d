using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archivist.Search.Analysis;

/// <summary>
/// The Snowball English (Porter2) stemmer as the chain's last filter. The project's own <see cref="EnglishStemmer"/>,
/// not Lucene's <c>SnowballFilter</c>: Lucene.Net bundles an older Snowball revision that gets 57 words of the
/// official vocabulary wrong (university → univers), and the browser's stemmer.js follows the current one.
/// </summary>
public sealed class StemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly StemMemo _stems = new();

    public StemFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var stem = _stems.Stem(_term.Buffer.AsSpan(0, _term.Length));
        _term.SetEmpty().Append(stem);
        return true;
    }
}

/// <summary>
/// Surface form → stem, memoised: an archive repeats a few hundred thousand distinct words millions of times,
/// so stemming is mostly a dictionary hit. Per instance (one per thread), bounded so junk tokens cannot grow it
/// without end. Every surface form of a stem gets the same string instance, so callers may key by reference.
/// </summary>
public sealed class StemMemo
{
    private const int MaxMemoised = 1 << 20;
    private readonly EnglishStemmer _stemmer = new();
    private readonly Dictionary<string, string> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);

    public StemMemo() => _lookup = _memo.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Stem(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var stem)) return stem;
        var surface = word.ToString();
        stem = _stemmer.Stem(surface);
        if (_stems.TryGetValue(stem, out var shared)) stem = shared;
        else _stems[stem] = stem;
        if (_memo.Count < MaxMemoised) _memo[surface] = stem;
        return stem;
    }
}
