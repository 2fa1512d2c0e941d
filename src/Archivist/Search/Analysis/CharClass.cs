using System.Globalization;

namespace Archivist.Search.Analysis;

/// <summary>
/// Character classes of the tokenizer, per UTF-16 code unit so the JS analyzer (which tests single code
/// units against \p{L}, \p{Nd} and \p{Mn}) classifies every character the same way.
/// </summary>
internal static class CharClass
{
    /// <summary>Starts or continues a word: a letter or a decimal digit.</summary>
    public static bool IsWordStart(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>Continues a word: also a combining mark (a decomposed accent), which folding then drops.</summary>
    public static bool IsWordPart(char c) =>
        IsWordStart(c) || (c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Joins the parts of a compound: hyphens (split, and the joined form stacked) and slashes (split only).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsCompoundJoiner(char c) => IsHyphen(c) || c == '/';
}
