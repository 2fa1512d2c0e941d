using Archivist.Content;
using Markdig.Renderers;

namespace Archivist.Rendering;

/// <summary>
/// HTML for our own Markdown (see <see cref="WrittenMarkdown"/>), byte for byte what <see cref="MarkdownHtml"/>
/// makes of it through Markdig: tight lists, <c>&lt;br /&gt;</c> hard breaks, rules, and autolinks under the
/// same <see cref="LinkPolicy"/>. It writes through Markdig's own renderer, so escaping is Markdig's.
/// Two lists of one kind with only a blank line between are refused: Markdig merges them into one loose list.
/// </summary>
internal sealed class WrittenMarkdownHtml(HtmlRenderer renderer, LinkPolicy links) : IWrittenMarkdownSink
{
    private bool _userContent;
    private char _listKind;
    private char _previousList;

    /// <summary>Set when the text needs Markdig after all; the output written so far is then to be discarded.</summary>
    public bool Refused { get; private set; }

    public void Start(bool userContent)
    {
        _userContent = userContent;
        _listKind = _previousList = '\0';
        Refused = false;
    }

    public void Rule()
    {
        _previousList = '\0';
        renderer.Write("<hr />").WriteLine();
    }

    public void StartList(char kind, ReadOnlySpan<char> start)
    {
        if (kind == _previousList) Refused = true;
        _listKind = kind;
        if (kind == '-')
        {
            renderer.Write("<ul>").WriteLine();
            return;
        }
        renderer.Write("<ol");
        if (!start.SequenceEqual("1"))
        {
            renderer.Write(" start=\"");
            renderer.Write(start);
            renderer.Write('"');
        }
        renderer.Write('>').WriteLine();
    }

    public void EndList()
    {
        renderer.Write(_listKind == '-' ? "</ul>" : "</ol>").WriteLine();
        _previousList = _listKind;
    }

    public void StartParagraph(bool inList)
    {
        if (!inList) _previousList = '\0';
        renderer.Write(inList ? "<li>" : "<p>");
    }

    public void EndParagraph(bool inList) => renderer.Write(inList ? "</li>" : "</p>").WriteLine();

    public void Text(ReadOnlySpan<char> text) => renderer.WriteEscape(text, false);

    public void HardBreak() => renderer.Write("<br />").WriteLine();

    public void Autolink(ReadOnlySpan<char> url)
    {
        var text = url.ToString();
        var href = links.Allow(text);
        if (href is null)
        {
            renderer.WriteEscape(text); // refused targets stay as text
            return;
        }
        renderer.Write("<a href=\"");
        renderer.WriteEscapeUrl(text);
        renderer.Write('"');
        if (_userContent && LinkPolicy.IsExternal(href)) renderer.Write(" rel=\"nofollow ugc\"");
        renderer.Write('>');
        renderer.WriteEscape(text);
        renderer.Write("</a>");
    }
}
