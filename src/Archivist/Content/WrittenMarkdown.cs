using System.Buffers;

namespace Archivist.Content;

/// <summary>What <see cref="WrittenMarkdown.TryRead"/> finds, in reading order; texts are unescaped.</summary>
public interface IWrittenMarkdownSink
{
    void Rule();

    /// <param name="kind">'-' for bullets; '.' or ')' for numbered items (their delimiter).</param>
    void StartList(char kind, ReadOnlySpan<char> start);
    void EndList();

    /// <summary>A paragraph, or the text of one list item (<paramref name="inList"/>).</summary>
    void StartParagraph(bool inList);
    void EndParagraph(bool inList);
    void Text(ReadOnlySpan<char> text);
    void Autolink(ReadOnlySpan<char> url);
    void HardBreak();
}

/// <summary>
/// Reads the Markdown subset that <see cref="BlockMarkdownWriter"/> writes — paragraphs whose lines end in
/// hard breaks, bullet and numbered lists, section breaks, backslash escapes and autolinks — directly,
/// without a Markdig syntax tree: plain text and HTML are wanted for every body and comment, and building
/// the tree cost more than the text. Anything outside the subset is refused (false, the sink's output
/// to be discarded) so the caller falls back to Markdig; the tests check both agree for every seed.
/// </summary>
public static class WrittenMarkdown
{
    // Tabs, odd line ends and NUL (which CommonMark replaces) are left to Markdig.
    private static readonly SearchValues<char> Refused = SearchValues.Create("\r\t\0\f\v");

    // Characters that may be syntax: escapes, autolinks, entities, emphasis, code, links, and what starts a bare URL.
    private static readonly SearchValues<char> Special = SearchValues.Create("\\<>&_:.*`[]~|");

    public static bool TryRead(string markdown, IWrittenMarkdownSink sink)
    {
        var rest = markdown.AsSpan();
        if (rest.IsEmpty) return true;
        if (rest.ContainsAny(Refused) || rest[0] == '\n' || rest[^1] == '\n') return false;
        while (true)
        {
            var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
            if (!ReadBlock(sink, end < 0 ? rest : rest[..end])) return false;
            if (end < 0) return true;
            rest = rest[(end + 2)..];
            if (rest.IsEmpty || rest[0] == '\n') return false;
        }
    }

    private static bool ReadBlock(IWrittenMarkdownSink sink, ReadOnlySpan<char> block)
    {
        if (block is BlockMarkdownWriter.SectionBreak or BlockMarkdownWriter.ContributionBreak)
        {
            sink.Rule();
            return true;
        }
        var firstEnd = block.IndexOf('\n');
        var first = firstEnd < 0 ? block : block[..firstEnd];
        var listKind = ItemMarker(first, out var firstMarker);
        if (listKind != '\0') sink.StartList(listKind, first[..Math.Max(0, firstMarker - 2)]);
        else sink.StartParagraph(inList: false);
        foreach (var range in block.Split('\n'))
        {
            var line = block[range];
            var isLast = range.End.GetOffset(block.Length) == block.Length;
            if (listKind != '\0')
            {
                // A list: every line is an item of the same kind (a new delimiter would start another list).
                if (ItemMarker(line, out var markerLength) != listKind) return false;
                sink.StartParagraph(inList: true);
                if (!ReadLine(sink, line[markerLength..], isLast: true)) return false;
                sink.EndParagraph(inList: true);
                continue;
            }
            if (!ReadLine(sink, line, isLast)) return false;
            if (!isLast) sink.HardBreak(); // the one ReadLine checked for
        }
        if (listKind != '\0') sink.EndList();
        else sink.EndParagraph(inList: false);
        return true;
    }

    /// <summary>'-' for <c>- </c>; the delimiter for <c>12. </c> or <c>3) </c> (one to nine digits, no leading zero); else '\0'.</summary>
    private static char ItemMarker(ReadOnlySpan<char> line, out int length)
    {
        length = 0;
        if (line.StartsWith("- ", StringComparison.Ordinal))
        {
            length = 2;
            return '-';
        }
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        if (digits is 0 or > 9 || (line[0] == '0' && digits > 1) || digits + 1 >= line.Length || line[digits] is not ('.' or ')') || line[digits + 1] != ' ') return '\0';
        length = digits + 2;
        return line[digits];
    }

    /// <summary>One line of a paragraph or list item; a paragraph line that is not the last must end in a hard break.</summary>
    private static bool ReadLine(IWrittenMarkdownSink sink, ReadOnlySpan<char> line, bool isLast)
    {
        var trailing = line.Length - line.TrimEnd('\\').Length;
        if (isLast ? trailing % 2 == 1 : trailing % 2 == 0) return false; // a soft break, or a backslash ending the paragraph
        if (!isLast) line = line[..^1];
        if (line.IsEmpty || char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1]) || StartsBlockSyntax(line)) return false;
        return ReadInlines(sink, line);
    }

    /// <summary>Starts like a heading, quote, list, rule, fence or setext underline: left to Markdig.</summary>
    private static bool StartsBlockSyntax(ReadOnlySpan<char> line)
    {
        if (line[0] is '#' or '>' or '+' or '-' or '=' or '*' or '_' or '~' or '`' or '|' or '<') return true;
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }

    private static bool ReadInlines(IWrittenMarkdownSink sink, ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var run = text[i..].IndexOfAny(Special);
            if (run < 0)
            {
                sink.Text(text[i..]);
                return true;
            }
            sink.Text(text.Slice(i, run));
            i += run;
            var c = text[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
                    {
                        sink.Text(text.Slice(i + 1, 1));
                        i += 2;
                        continue;
                    }
                    sink.Text("\\");
                    break;
                case '<':
                    var close = text[i..].IndexOf('>');
                    if (close < 0 || !IsUriAutolink(text.Slice(i + 1, close - 1))) return false;
                    sink.Autolink(text.Slice(i + 1, close - 1));
                    i += close + 1;
                    continue;
                case '&':
                    if (LooksLikeEntity(text[i..])) return false;
                    sink.Text("&");
                    break;
                case '_':
                    // Only between letters or digits is '_' sure to be text (it cannot open or close emphasis there).
                    if (i == 0 || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1])) return false;
                    sink.Text("_");
                    break;
                case ':':
                    // Bare URLs and addresses are Markdig's to autolink.
                    if (text[(i + 1)..].StartsWith("//", StringComparison.Ordinal) || EndsWithWord(text[..i], "mailto") || EndsWithWord(text[..i], "tel")) return false;
                    sink.Text(":");
                    break;
                case '.':
                    if (EndsWithWord(text[..i], "www")) return false;
                    sink.Text(".");
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
