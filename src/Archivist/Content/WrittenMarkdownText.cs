using System.Text;

namespace Archivist.Content;

/// <summary>
/// Plain text of our own Markdown (see <see cref="WrittenMarkdown"/>), exactly as <see cref="MarkdownSyntax.ToPlainText(Markdig.Syntax.MarkdownDocument)"/>
/// gives it: each paragraph or list item a block, blocks separated by a blank line, hard breaks as newlines,
/// autolinks as their URL, rules as nothing.
/// </summary>
public sealed class WrittenMarkdownText : IWrittenMarkdownSink
{
    private readonly StringBuilder _text;

    private WrittenMarkdownText(StringBuilder into) => _text = into;

    /// <summary>The same text as <see cref="MarkdownSyntax.ToPlainText(string)"/>, or false when the Markdown is outside the subset.</summary>
    public static bool TryToPlainText(string markdown, out string text)
    {
        var into = new StringBuilder(markdown.Length);
        var ok = TryWritePlainText(markdown, into);
        text = ok ? into.ToString().Trim() : "";
        return ok;
    }

    /// <summary>
    /// The same text, untrimmed, into <paramref name="into"/> (cleared first), or false when the Markdown is outside
    /// the subset: for callers that read the text once and can reuse one buffer (search analysis reads every
    /// comment of the archive).
    /// </summary>
    public static bool TryWritePlainText(string markdown, StringBuilder into)
    {
        into.Clear();
        return WrittenMarkdown.TryRead(markdown, new WrittenMarkdownText(into));
    }

    public void Rule() { }
    public void StartList(char kind, ReadOnlySpan<char> start) { }
    public void EndList() { }

    public void StartParagraph(bool inList)
    {
        if (_text.Length > 0) _text.Append("\n\n");
    }

    public void EndParagraph(bool inList) { }
    public void Text(ReadOnlySpan<char> text) => _text.Append(text);
    public void Autolink(ReadOnlySpan<char> url) => _text.Append(url);
    public void HardBreak() => _text.Append('\n');
}
