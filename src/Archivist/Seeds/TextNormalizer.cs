using System.Text;

namespace Archivist.Seeds;

/// <summary>
/// Turns raw seed text into clean lines: any line ending, no BOM, no trailing spaces, and the
/// invisible or exotic spaces of web copy (no-break, narrow, thin, zero-width) made plain.
/// Visible typography — curly quotes, dashes, ellipses, £ — is kept as written.
/// </summary>
public static class TextNormalizer
{
    public const int TabWidth = 4;

    public static string[] SplitLines(string text) => SplitLines(text.AsSpan());

    public static string[] SplitLines(ReadOnlySpan<char> text)
    {
        var lines = new List<string>(text.Length / 60 + 1);
        var span = text;
        if (span.Length > 0 && span[0] == '\uFEFF') span = span[1..];
        while (true)
        {
            var end = span.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                lines.Add(NormalizeLine(span));
                break;
            }
            lines.Add(NormalizeLine(span[..end]));
            var skip = span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n' ? 2 : 1;
            span = span[(end + skip)..];
        }
        // A final newline does not start another line.
        if (lines.Count > 1 && lines[^1].Length == 0 && EndsWithNewline(text)) lines.RemoveAt(lines.Count - 1);
        return [.. lines];
    }

    private static bool EndsWithNewline(ReadOnlySpan<char> text) => text.Length > 0 && text[^1] is '\n' or '\r';

    public static string NormalizeLine(ReadOnlySpan<char> line)
    {
        if (!NeedsRewrite(line)) return line.TrimEnd().ToString();

        var sb = new StringBuilder(line.Length);
        var leading = true;
        foreach (var c in line)
        {
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
        var first = line.IndexOfAnyExceptInRange(' ', '~');
        if (first < 0) return false;
        foreach (var c in line[first..])
        {
            if (c < ' ' || (c >= '\u007F' && (IsInvisible(c) || IsExoticSpace(c) || char.IsControl(c)))) return true;
        }
        return false;
    }

    /// <summary>Spaces that look like a space but defeat word splitting and wrapping.</summary>
    public static bool IsExoticSpace(char c) => c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000';

    /// <summary>Characters with no visible width that only get in the way of matching.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\uFEFF' or '\u00AD' or '\u2060';
}
