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

    /// <summary>Plain text with its white space collapsed, cut to about <paramref name="length"/> characters.</summary>
    public static string Cut(string text, int length)
    {
        var head = text.Length > length * 4 ? text[..(length * 4)] : text;
        var flat = string.Join(' ', head.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length && head.Length == text.Length) return flat;
        if (flat.Length <= length) return flat + "…";
        var cut = flat.LastIndexOf(' ', length);
        return (cut > length / 2 ? flat[..cut] : flat[..length]).TrimEnd(',', ';', ':', '.', '-', '–', '—') + "…";
    }
}
