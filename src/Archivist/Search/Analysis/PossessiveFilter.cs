namespace Archivist.Search.Analysis;

/// <summary>Drops the English possessive: <c>napo's</c> → <c>napo</c>. Runs after folding made apostrophes ASCII.</summary>
public sealed class PossessiveFilter : ITokenFilter
{
    public int Apply(ReadOnlySpan<char> input, Span<char> output)
    {
        var length = input.EndsWith("'s") ? input.Length - 2 : input.Length;
        input[..length].CopyTo(output);
        return length;
    }
}
