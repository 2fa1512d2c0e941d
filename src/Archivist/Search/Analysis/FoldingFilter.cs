using Archivist.Content;

namespace Archivist.Search.Analysis;

/// <summary>
/// Lower-cases and folds a token to plain letters: diacritics and ligatures via <see cref="AsciiFolding"/>
/// (the table templates/assets/search/folding.js shares with the browser),
/// combining marks dropped, curly apostrophes made ASCII (the stemmer expects '), and the joiners a
/// token may span dropped: hyphens of a stacked compound and thousands separators ("40,000" → "40000").
/// </summary>
public sealed class FoldingFilter : ITokenFilter
{
    public int MaxGrowth => 3; // ﬃ → ffi

    public int Apply(ReadOnlySpan<char> input, Span<char> output)
    {
        var n = 0;
        foreach (var c in input)
        {
            if (c < 0x80)
            {
                if (c is '-' or ',') continue;
                output[n++] = char.ToLowerInvariant(c);
            }
            else if (CharClass.IsApostrophe(c)) output[n++] = '\'';
            else if (CharClass.IsHyphen(c) || !CharClass.IsWordStart(c)) continue; // combining marks
            else if (AsciiFolding.Fold(c) is { } folded)
            {
                foreach (var f in folded) output[n++] = char.ToLowerInvariant(f);
            }
            else output[n++] = char.ToLowerInvariant(c);
        }
        return n;
    }
}
