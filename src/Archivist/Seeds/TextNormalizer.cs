using System.Text;

namespace Archivist.Seeds;

/// <summary>
/// Turns raw seed text into clean lines: any line ending, no BOM, no trailing spaces, and the
/// invisible or exotic spaces of web copy (no-break, narrow, thin, zero-width) made plain.
/// Visible typography — curly quotes, dashes, ellipses, £ — is kept as written. Characters XML 1.0 or HTML forbid
/// (<see cref="IsForbidden"/>) are cleaned here, where all seed text comes in, so no later stage (the feed's XML
/// writer, the pages, the search files) ever sees one: controls become spaces, the rest are dropped.
/// </summary>
public static class TextNormalizer
{
    public const int TabWidth = 4;

    public static string[] SplitLines(string text) => SplitLines(text.AsSpan());

    /// <param name="forbidden">When given, collects what was cleaned: (1-based line, code point).</param>
    public static string[] SplitLines(ReadOnlySpan<char> text, ICollection<(int Line, int CodePoint)>? forbidden = null)
    {
        var lines = new List<string>(text.Length / 60 + 1);
        var span = text;
        if (span.Length > 0 && span[0] == '\uFEFF') span = span[1..];
        while (true)
        {
            var end = span.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                lines.Add(NormalizeLine(span, forbidden, lines.Count + 1));
                break;
            }
            lines.Add(NormalizeLine(span[..end], forbidden, lines.Count + 1));
            var skip = span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1;
            span = span[(end + skip)..];
        }
        // A final newline does not start another line.
        if (lines.Count > 1 && lines[^1].Length == 0 && EndsWithNewline(text)) lines.RemoveAt(lines.Count - 1);
        return [.. lines];
    }

    private static bool EndsWithNewline(ReadOnlySpan<char> text) => text.Length > 0 && text[^1] is '\n' or '\r';

    public static string NormalizeLine(ReadOnlySpan<char> line, ICollection<(int Line, int CodePoint)>? forbidden = null, int lineNumber = 0)
    {
        if (!NeedsRewrite(line)) return line.TrimEnd().ToString();

        var sb = new StringBuilder(line.Length);
        var leading = true;
        for (var i = 0; i < line.Length; i++)
        {
            // Printable ASCII is kept as it is: copied a run at a time (a line that needs rewriting is mostly such runs).
            var run = line[i..].IndexOfAnyExceptInRange(' ', '~');
            if (run < 0) run = line.Length - i;
            if (run > 0)
            {
                var kept = line.Slice(i, run);
                sb.Append(kept);
                leading = leading && !kept.ContainsAnyExcept(' ');
                i += run - 1;
                continue;
            }
            var c = line[i];
            if (char.IsSurrogate(c) || IsForbidden(c))
            {
                var codePoint = CodePointAt(line, i);
                if (char.IsHighSurrogate(c) && codePoint > 0xFFFF) i++;
                if (IsForbidden(codePoint))
                {
                    forbidden?.Add((lineNumber, codePoint));
                    if (char.IsControl(c)) sb.Append(' ');
                    continue;
                }
                sb.Append(line.Slice(i - 1, 2));
                leading = false;
                continue;
            }
            if (c == '\t')
            {
                // Leading tabs become indentation (comment layouts are indentation-based); inner tabs a space.
                if (leading) sb.Append(' ', TabWidth - sb.Length % TabWidth);
                else sb.Append(' ');
                continue;
            }
            if (IsInvisible(c)) continue;
            var mapped = IsExoticSpace(c) || char.IsControl(c) ? ' ' : c;
            if (mapped != ' ') leading = false;
            sb.Append(mapped);
        }
        var end = sb.Length;
        while (end > 0 && sb[end - 1] == ' ') end--;
        return sb.ToString(0, end);
    }

    private static bool NeedsRewrite(ReadOnlySpan<char> line)
    {
        // Nearly every line is printable ASCII: find the first character that is not, vectorised.
        // (and after each one that is fine, the next: typographic quotes and '£' are common, the rest of the line ASCII).
        for (var rest = line; ;)
        {
            var at = rest.IndexOfAnyExceptInRange(' ', '~');
            if (at < 0) return false;
            var c = rest[at];
            if (c < ' ' || (c >= '\u007F' && (IsInvisible(c) || IsExoticSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || IsForbidden(c)))) return true;
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>
    /// What XML 1.0 or HTML forbids in text: C0 controls but tab, line feed and carriage return; DEL and the C1
    /// controls; noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among
    /// them); lone surrogates (a code point from <see cref="CodePointAt"/> that is itself a surrogate).
    /// </summary>
    public static bool IsForbidden(int codePoint) =>
        codePoint is < 0x20 and not ('\t' or '\n' or '\r') or (>= 0x7F and <= 0x9F) or (>= 0xFDD0 and <= 0xFDEF) or (>= 0xD800 and <= 0xDFFF)
        || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>The code point at <paramref name="i"/>: a pair's, or a lone surrogate's own value.</summary>
    private static int CodePointAt(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? char.ConvertToUtf32(text[i], text[i + 1])
            : text[i];

    /// <summary>
    /// A value from YAML (front matter, where escapes such as <c>"\uFFFE"</c> make any character) with what
    /// <see cref="IsForbidden"/> names cleaned as in lines; line breaks and tabs stay. Adds what was cleaned to <paramref name="found"/>.
    /// </summary>
    public static string CleanValue(string value, ICollection<int> found)
    {
        if (!value.AsSpan().ContainsAnyInRange('\0', '\u001f') && !value.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            && !value.AsSpan().ContainsAnyInRange('\ud800', '\udfff') && !value.AsSpan().ContainsAnyInRange('\ufdd0', '\ufdef')
            && !value.AsSpan().ContainsAny('\ufffe', '\uffff'))
            return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var codePoint = CodePointAt(value, i);
            var width = codePoint > 0xFFFF ? 2 : 1;
            if (IsForbidden(codePoint))
            {
                found.Add(codePoint);
                if (char.IsControl(value[i])) sb.Append(' ');
            }
            else sb.Append(value, i, width);
            i += width - 1;
        }
        return sb.ToString();
    }

    /// <summary>Code points as a message shows them: <c>U+FFFE, U+0001</c>, the first few, in order of code point.</summary>
    public static string Describe(IEnumerable<int> codePoints)
    {
        var distinct = codePoints.Distinct().Order().ToList();
        return string.Join(", ", distinct.Take(6).Select(c => $"U+{c:X4}")) + (distinct.Count > 6 ? $" and {distinct.Count - 6} more" : "");
    }

    /// <summary>Spaces that look like a space but defeat word splitting and wrapping.</summary>
    public static bool IsExoticSpace(char c) => c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000';

    /// <summary>Characters with no visible width that only get in the way of matching.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\uFEFF' or '\u00AD' or '\u2060';
}
