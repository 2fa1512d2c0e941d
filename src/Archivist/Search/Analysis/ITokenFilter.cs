namespace Archivist.Search.Analysis;

/// <summary>
/// One step of the analysis chain, Lucene style: rewrites a token's characters in place. Returns the new
/// length (0 drops the token). Filters work on spans so the hot indexing loop allocates nothing per token.
/// </summary>
public interface ITokenFilter
{
    /// <summary>Largest factor by which the filter can lengthen a token (ß → ss), to size buffers.</summary>
    int MaxGrowth => 1;

    int Apply(ReadOnlySpan<char> input, Span<char> output);
}
