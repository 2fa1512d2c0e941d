using System.Text;
using System.Text.RegularExpressions;

namespace Archivist.Content;

/// <summary>
/// Writes plain seed text as Markdown that means exactly that text: every character that Markdown (or
/// a GFM-flavoured reader) could take as syntax is escaped, and bare http(s) URLs become autolinks.
/// Text such as <c>&lt;script&gt;</c> or <c>[x](javascript:…)</c> therefore stays text.
/// </summary>
public static partial class MarkdownText
{
    [GeneratedRegex(@"https?://[^\s<>""\u0000-\u001F\u007F]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"^&#?[A-Za-z0-9]{1,32};", RegexOptions.CultureInvariant)]
    private static partial Regex EntityLike();


    private static readonly System.Buffers.SearchValues<char> SyntaxCharacters = System.Buffers.SearchValues.Create("\\`*[]<>~|_&");

    private const string TrailingUrlPunctuation = ".,;:!?'\"’”)]}*_";

    /// <summary>Markdown for one line of text, safe at the start of a line or list item. Leading
    /// whitespace is dropped: in Markdown it would make an indented code block.</summary>
    public static string Line(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendLine(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends <see cref="Line"/>'s Markdown for <paramref name="text"/> (whole posts are written into one builder).</summary>
    public static void AppendLine(StringBuilder sb, string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var position = start;
        if (text.AsSpan(start).Contains("://", StringComparison.Ordinal))
        foreach (Match m in BareUrl().Matches(text, start))
        {
            var url = TrimUrl(m.Value);
            if (url.Length <= "https://".Length) continue;
            AppendEscaped(sb, text.AsSpan(position, m.Index - position), atLineStart: position == start);
            sb.Append('<').Append(url).Append('>');
            position = m.Index + url.Length;
        }
        AppendEscaped(sb, text.AsSpan(position), atLineStart: position == start);
    }

    /// <summary>Drops sentence punctuation that follows a URL, keeping a closing bracket the URL opened.</summary>
    public static string TrimUrl(string url)
    {
        var end = url.Length;
        while (end > 0 && TrailingUrlPunctuation.Contains(url[end - 1]))
        {
            var c = url[end - 1];
            if (c == ')' && Count(url.AsSpan(0, end), '(') >= Count(url.AsSpan(0, end), ')')) break;
            if (c == ']' && Count(url.AsSpan(0, end), '[') >= Count(url.AsSpan(0, end), ']')) break;
            end--;
        }
        return url[..end];
    }

    /// <summary>Length of a CommonMark ordered-list marker at the start (<c>1986.</c>, <c>3)</c>), or 0.</summary>
    private static int OrderedListLength(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits])) digits++;
        if (digits is 0 or > 9 || digits >= text.Length || text[digits] is not ('.' or ')')) return 0;
        return digits + 1 == text.Length || char.IsWhiteSpace(text[digits + 1]) ? digits + 1 : 0;
    }

    private static int Count(ReadOnlySpan<char> s, char c)
    {
        var n = 0;
        foreach (var x in s) if (x == c) n++;
        return n;
    }

    private static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text, bool atLineStart)
    {
        if (text.IsEmpty) return;
        var start = 0;
        if (atLineStart)
        {
            // Block syntax only counts at the start of a line: headings, quotes, list markers, rules.
            if (text[0] is '#' or '>' or '+' or '-' or '=' or '*' or '~' or '`' or '|')
            {
                sb.Append('\\').Append(text[0]);
                start = 1;
            }
            else if (char.IsAsciiDigit(text[0]) && OrderedListLength(text) is > 0 and var length)
            {
                sb.Append(text[..(length - 1)]).Append('\\').Append(text[length - 1]);
                start = length;
            }
        }
        for (var i = start; i < text.Length; i++)
        {
            // Most text has no syntax characters: copy the run up to the next one in one go.
            var run = text[i..].IndexOfAny(SyntaxCharacters);
            if (run < 0)
            {
                sb.Append(text[i..]);
                break;
            }
            sb.Append(text.Slice(i, run));
            i += run;
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '[' or ']' or '<' or '>' or '~' or '|':
                    sb.Append('\\').Append(c);
                    break;
                case '_':
                    // Intraword underscores (snake_case) cannot open emphasis; leave them readable.
                    var inWord = i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
                    if (!inWord) sb.Append('\\');
                    sb.Append(c);
                    break;
                case '&':
                    if (EntityLike().IsMatch(text[i..])) sb.Append('\\');
                    sb.Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }
}
