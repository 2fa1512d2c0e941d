using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>The opening words of a post as plain text, cut at a word boundary, for listings and meta tags.</summary>
public static class Excerpts
{
    public const int DefaultLength = 280;

    public static string Of(string markdown, int length = DefaultLength)
    {
        // Only the start matters; parsing a prefix keeps listings cheap on very long posts.
        var head = markdown.Length > length * 8 ? markdown[..(length * 8)] : markdown;
        return Cut(MarkdownSyntax.ToPlainText(head), length);
    }

    /// <summary>
    /// A quick snippet straight from Markdown source, without parsing: backslash escapes and autolink
    /// brackets dropped, white space collapsed. Good enough for structured data, and cheap for the
    /// hundreds of thousands of comments a large archive has.
    /// </summary>
    public static string FromMarkdownSource(string markdown, int length)
    {
        var head = markdown.AsSpan(0, Math.Min(markdown.Length, length * 2));
        var sb = new System.Text.StringBuilder(head.Length);
        var inAutolink = false;
        for (var i = 0; i < head.Length; i++)
        {
            var c = head[i];
            var next = i + 1 < head.Length ? head[i + 1] : '\0';
            if (c == '\\' && (next == '\n' || (char.IsAscii(next) && (char.IsPunctuation(next) || char.IsSymbol(next))))) continue;
            if (c == '<' && head[(i + 1)..].StartsWith("http", StringComparison.OrdinalIgnoreCase)) { inAutolink = true; continue; }
            if (c == '>' && inAutolink) { inAutolink = false; continue; }
            sb.Append(c);
        }
        var snippet = Cut(sb.ToString(), length);
        return markdown.Length > head.Length && !snippet.EndsWith('…') ? snippet + "…" : snippet;
    }

    /// <summary>Plain text with its white space collapsed, cut to about <paramref name="length"/> characters.</summary>
    public static string Cut(string text, int length)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, length * 4));
        var flat = Collapse(head);
        if (flat.Length <= length && head.Length == text.Length) return flat;
        if (flat.Length <= length) return flat + "…";
        var cut = flat.LastIndexOf(' ', length);
        return (cut > length / 2 ? flat[..cut] : flat[..length]).TrimEnd(',', ';', ':', '.', '-', '–', '—') + "…";
    }

    /// <summary>The words of <paramref name="text"/> joined by single spaces (what splitting at white space and joining gives, without the pieces).</summary>
    private static string Collapse(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
