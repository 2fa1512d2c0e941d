namespace Archivist.Search.Analysis;

/// <summary>
/// Adapts <see cref="EnglishStemmer"/> to the chain, memoising surface form → stem: an archive repeats a
/// few hundred thousand distinct words millions of times, so stemming is mostly a dictionary hit. The
/// memo is per instance (one per indexing thread), bounded so junk tokens cannot grow it without end.
/// Every surface form of a stem gets the same string instance, so callers may key by reference.
/// </summary>
public sealed class StemFilter
{
    private const int MaxMemoised = 1 << 20;
    private readonly EnglishStemmer _stemmer = new();
    private readonly Dictionary<string, string> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);

    public StemFilter() => _lookup = _memo.GetAlternateLookup<ReadOnlySpan<char>>();

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
