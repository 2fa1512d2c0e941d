using System.Buffers;
using System.Text;

namespace Archivist.Content;

/// <summary>
/// Plain text of the Markdown subset that <see cref="BlockMarkdownWriter"/> writes — paragraphs whose lines
/// end in hard breaks, bullet and numbered lists, section breaks, backslash escapes and autolinks — read
/// directly instead of through a Markdig syntax tree. The search index and the excerpts read every body
/// and comment, and building the tree cost more than the text. Anything outside the subset is refused so
/// the caller falls back to Markdig; the tests check both give the same text for every seed.
/// </summary>
public static class WrittenMarkdownText
{
    // Tabs, odd line ends and NUL (which CommonMark replaces) are left to Markdig.
    private static readonly SearchValues<char> Refused = SearchValues.Create("\r\t\0\f\v");

    // Characters that may be syntax: escapes, autolinks, entities, emphasis, code, links, and what starts a bare URL.
    private static readonly SearchValues<char> Special = SearchValues.Create("\\<>&_:.*`[]~|");

    /// <summary>The same text as <see cref="MarkdownSyntax.ToPlainText(string)"/>, or false when the Markdown is outside the subset.</summary>
    public static bool TryToPlainText(string markdown, out string text)
    {
        text = "";
        var rest = markdown.AsSpan();
        if (rest.IsEmpty) return true;
        if (rest.ContainsAny(Refused) || rest[0] == '\n' || rest[^1] == '\n') return false;
        var sb = new StringBuilder(markdown.Length);
        while (true)
        {
            var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
            if (!AppendBlock(sb, end < 0 ? rest : rest[..end])) return false;
            if (end < 0) break;
            rest = rest[(end + 2)..];
            if (rest.IsEmpty || rest[0] == '\n') return false;
        }
        text = sb.ToString().Trim();
        return true;
    }

    private static bool AppendBlock(StringBuilder sb, ReadOnlySpan<char> block)
    {
        if (block is BlockMarkdownWriter.SectionBreak or BlockMarkdownWriter.ContributionBreak) return true; // a rule has no text
        var firstEnd = block.IndexOf('\n');
        var first = firstEnd < 0 ? block : block[..firstEnd];
        var itemKind = ItemMarker(first, out _);
        foreach (var range in block.Split('\n'))
        {
            var line = block[range];
            var isLast = range.End.GetOffset(block.Length) == block.Length;
            if (itemKind != 0)
            {
                // A list: every line is an item of the same kind, and each item is a paragraph of its own.
                if (ItemMarker(line, out var markerLength) != itemKind) return false;
                if (sb.Length > 0) sb.Append("\n\n");
                if (!AppendLine(sb, line[markerLength..], isLast: true)) return false;
                continue;
            }
            if (range.Start.Value == 0 && sb.Length > 0) sb.Append("\n\n");
            if (!AppendLine(sb, line, isLast)) return false;
            if (!isLast) sb.Append('\n'); // the hard break AppendLine checked for
        }
        return true;
    }

    /// <summary>1 for <c>- </c>, 2 for <c>12. </c> or <c>3) </c> (at most nine digits, as CommonMark), else 0.</summary>
    private static int ItemMarker(ReadOnlySpan<char> line, out int length)
    {
        length = 0;
        if (line.StartsWith("- ", StringComparison.Ordinal))
        {
            length = 2;
            return 1;
        }
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        if (digits is 0 or > 9 || digits + 1 >= line.Length || line[digits] is not ('.' or ')') || line[digits + 1] != ' ') return 0;
        length = digits + 2;
        return 2;
    }

    /// <summary>One line of a paragraph or list item; a paragraph line that is not the last must end in a hard break.</summary>
    private static bool AppendLine(StringBuilder sb, ReadOnlySpan<char> line, bool isLast)
    {
        var trailing = line.Length - line.TrimEnd('\\').Length;
        if (isLast ? trailing % 2 == 1 : trailing % 2 == 0) return false; // a soft break, or a backslash ending the paragraph
        if (!isLast) line = line[..^1];
        if (line.IsEmpty || char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1]) || StartsBlockSyntax(line)) return false;
        return AppendInlines(sb, line);
    }

    /// <summary>Starts like a heading, quote, list, rule, fence or setext underline: left to Markdig.</summary>
    private static bool StartsBlockSyntax(ReadOnlySpan<char> line)
    {
        if (line[0] is '#' or '>' or '+' or '-' or '=' or '*' or '_' or '~' or '`' or '|' or '<') return true;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }

    private static bool AppendInlines(StringBuilder sb, ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var run = text[i..].IndexOfAny(Special);
            if (run < 0)
            {
                sb.Append(text[i..]);
                return true;
            }
            sb.Append(text.Slice(i, run));
            i += run;
            var c = text[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
                    {
                        sb.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }
                    sb.Append('\\');
                    break;
                case '<':
                    var close = text[i..].IndexOf('>');
                    if (close < 0 || !IsUriAutolink(text.Slice(i + 1, close - 1))) return false;
                    sb.Append(text.Slice(i + 1, close - 1));
                    i += close + 1;
                    continue;
                case '&':
                    if (LooksLikeEntity(text[i..])) return false;
                    sb.Append('&');
                    break;
                case '_':
                    // Only between letters or digits is '_' sure to be text (it cannot open or close emphasis there).
                    if (i == 0 || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1])) return false;
                    sb.Append('_');
                    break;
                case ':':
                    // Bare URLs and addresses are Markdig's to autolink.
                    if (text[(i + 1)..].StartsWith("//", StringComparison.Ordinal) || EndsWithWord(text[..i], "mailto") || EndsWithWord(text[..i], "tel")) return false;
                    sb.Append(':');
                    break;
                case '.':
                    if (EndsWithWord(text[..i], "www")) return false;
                    sb.Append('.');
                    break;
                default: // unescaped emphasis, code, link or strikethrough syntax, or a bare '>'
                    return false;
            }
            i++;
        }
        return true;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) => text.EndsWith(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    /// <summary>CommonMark's URI autolink: a scheme of 2–32 characters, a colon, then no spaces, controls or angle brackets.</summary>
    private static bool IsUriAutolink(ReadOnlySpan<char> content)
    {
        var colon = content.IndexOf(':');
        if (colon is < 2 or > 32 || !char.IsAsciiLetter(content[0])) return false;
        foreach (var c in content[..colon])
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-')) return false;
        foreach (var c in content[(colon + 1)..])
            if (c <= ' ' || c is '<' or '>' or '\u007F') return false;
        return true;
    }

    /// <summary><c>&amp;name;</c>, <c>&amp;#123;</c> or <c>&amp;#x1F;</c> shapes: possibly an entity, so Markdig decides.</summary>
    private static bool LooksLikeEntity(ReadOnlySpan<char> text)
    {
        var i = 1;
        if (i < text.Length && text[i] == '#') i++;
        var start = i;
        while (i < text.Length && i - start <= 32 && char.IsAsciiLetterOrDigit(text[i])) i++;
        return i > start && i < text.Length && text[i] == ';';
    }
}
