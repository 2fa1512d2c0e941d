namespace Archivist.Search.Analysis;

/// <summary>
/// Adapts <see cref="EnglishStemmer"/> to the chain, memoising surface form → stem: an archive repeats a
/// few hundred thousand distinct words millions of times, so stemming is mostly a dictionary hit. The
/// memo is per instance (one per indexing thread), bounded so junk tokens cannot grow it without end.
/// </summary>
public sealed class StemFilter
{
    private const int MaxMemoised = 1 << 20;
    private readonly EnglishStemmer _stemmer = new();
    private readonly Dictionary<string, string> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StemFilter() => _lookup = _memo.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Stem(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var stem)) return stem;
        var surface = word.ToString();
        stem = _stemmer.Stem(surface);
        if (_memo.Count < MaxMemoised) _memo[surface] = string.Equals(stem, surface, StringComparison.Ordinal) ? surface : stem;
        return stem;
    }
}
