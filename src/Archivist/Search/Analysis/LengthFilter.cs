namespace Archivist.Search.Analysis;

/// <summary>Drops tokens too long to be words (runs of digits, base64, glued URLs): they bloat the index and nobody types them.</summary>
public sealed class LengthFilter(int maxLength) : ITokenFilter
{
    public int Apply(ReadOnlySpan<char> input, Span<char> output)
    {
        if (input.Length > maxLength) return 0;
        input.CopyTo(output);
        return input.Length;
    }
}
