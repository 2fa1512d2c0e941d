using System.Globalization;
using System.Runtime.CompilerServices;

namespace Archivist.Search.Analysis;

/// <summary>
/// Character classes of the tokenizer, per UTF-16 code unit so the JS analyzer (which tests single code
/// units against \p{L}, \p{Nd} and \p{Mn}) classifies every character the same way.
/// </summary>
/// <remarks>
/// The tokenizer asks about every character of the archive: ASCII is answered inline, the rest out of line.
/// </remarks>
internal static class CharClass
{
    /// <summary>Starts or continues a word: a letter or a decimal digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordStart(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsLetterOrDigit(c);

    /// <summary>Continues a word: also a combining mark (a decomposed accent), which folding then drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordPart(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordPart(c);

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>An apostrophe, '.' or ',': the only characters that can join inside a word (a cheap first test).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayJoinInsideWord(char c) => c is '\'' or '.' or ',' || (c >= 0x2BC && IsApostrophe(c));

    /// <summary>Joins the parts of a compound: hyphens (split, and the joined form stacked) and slashes (split only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCompoundJoiner(char c) => c is '-' or '/' || (c >= 0x2010 && IsHyphen(c));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsLetterOrDigit(char c) => char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiWordPart(char c) =>
        char.IsLetterOrDigit(c) || (c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
