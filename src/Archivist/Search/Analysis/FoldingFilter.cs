using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Archivist.Text;

namespace Archivist.Search.Analysis;

/// <summary>
/// Lower-cases and folds a token to plain letters: diacritics and ligatures via <see cref="AsciiFolding"/>
/// (the table templates/assets/search/folding.js shares with the browser),
/// combining marks dropped, curly apostrophes made ASCII (the stemmer expects '), and the joiners a
/// token may span dropped: hyphens of a stacked compound and thousands separators ("40,000" → "40000").
/// </summary>
/// <remarks>
/// The project's own rather than Lucene's <c>LowerCaseFilter</c> + <c>ASCIIFoldingFilter</c>: those keep hyphens,
/// commas, combining marks and curly apostrophes, and their folding table is not the browser's.
/// </remarks>
public sealed class FoldingFilter : TokenFilter
{
    /// <summary>Largest factor by which folding can lengthen a token (ﬃ → ffi), to size buffers.</summary>
    public const int MaxGrowth = 3;

    private readonly ICharTermAttribute _term;
    private char[] _scratch = new char[64];

    public FoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var length = _term.Length;
        if (_scratch.Length < length * MaxGrowth) _scratch = new char[length * MaxGrowth];
        var folded = Fold(_term.Buffer.AsSpan(0, length), _scratch);
        _term.CopyBuffer(_scratch, 0, folded);
        return true;
    }

    /// <summary>Folds <paramref name="input"/> into <paramref name="output"/> (at least <see cref="MaxGrowth"/> times as long); returns the length.</summary>
    public static int Fold(ReadOnlySpan<char> input, Span<char> output)
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
