using Archivist.Content;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Archivist.Rendering;

public sealed record RenderedMarkdown(string Html, string Text);

/// <summary>
/// Renders the archive's Markdown to HTML through <see cref="MarkdownSyntax.Pipeline"/> (raw HTML off,
/// autolinks on), after a pass that unlinks every target <see cref="LinkPolicy"/> refuses, prefixes the
/// site's own paths with the base path and moves headings below the page's own. Not thread-safe: it
/// reuses one renderer, so use one instance per thread.
/// </summary>
public sealed class MarkdownHtml
{
    private readonly LinkPolicy _links;
    private readonly StringWriter _writer = new() { NewLine = "\n" };
    private readonly HtmlRenderer _renderer;
    private readonly WrittenMarkdownHtml _written;

    public MarkdownHtml(LinkPolicy links)
    {
        _links = links;
        _renderer = new HtmlRenderer(_writer);
        MarkdownSyntax.Pipeline.Setup(_renderer);
        _written = new WrittenMarkdownHtml(_renderer, links);
    }

    /// <param name="headingFloor">The lowest heading level the text may use (2 under a page's h1).</param>
    /// <param name="userContent">Reader-written text: its links get <c>rel="nofollow ugc"</c>.</param>
    public string Render(string markdown, int headingFloor, bool userContent) =>
        Render(markdown, headingFloor, userContent, withText: false).Html;

    /// <summary>HTML and, when asked, the plain text of the same parse (for excerpts and structured data).</summary>
    public RenderedMarkdown Render(string markdown, int headingFloor, bool userContent, bool withText)
    {
        if (!withText && TryRenderWritten(markdown, userContent) is { } html) return new RenderedMarkdown(html, "");
        var document = MarkdownSyntax.Parse(markdown);
        Sanitise(document, headingFloor, userContent);
        _writer.GetStringBuilder().Clear();
        _renderer.Render(document);
        _writer.Flush();
        return new RenderedMarkdown(_writer.ToString(), withText ? MarkdownSyntax.ToPlainText(document) : "");
    }

    /// <summary>Our own Markdown without a syntax tree (it has no headings, so the floor does not matter), or null.</summary>
    internal string? TryRenderWritten(string markdown, bool userContent)
    {
        _writer.GetStringBuilder().Clear();
        _written.Start(userContent);
        if (WrittenMarkdown.TryRead(markdown, _written) && !_written.Refused) return _writer.ToString();
        _renderer.EnsureLine(); // leave the renderer at a line start, as after a whole document
        _writer.GetStringBuilder().Clear();
        return null;
    }

    private void Sanitise(MarkdownDocument document, int headingFloor, bool userContent)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + headingFloor - 1);
        // Collect first, then change: the tree must not be edited while it is walked.
        var links = document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList();
        foreach (var inline in links)
        {
            if (inline is AutolinkInline auto)
            {
                var autoHref = _links.Allow(auto.IsEmail ? "mailto:" + auto.Url : auto.Url);
                if (autoHref is null) auto.ReplaceBy(new LiteralInline(auto.Url));
                else if (userContent && LinkPolicy.IsExternal(autoHref)) auto.GetAttributes().AddProperty("rel", "nofollow ugc");
                continue;
            }
            var link = (LinkInline)inline;
            var href = _links.Allow(link.Url);
            if (href is null)
            {
                Unwrap(link);
                continue;
            }
            link.Url = href;
            link.Title = link.Title is { Length: > 0 } title ? title : null;
            if (!link.IsImage && userContent && LinkPolicy.IsExternal(href)) link.GetAttributes().AddProperty("rel", "nofollow ugc");
            if (link.IsImage) link.GetAttributes().AddProperty("loading", "lazy");
        }
    }

    /// <summary>Replaces a refused link (or image) by its text, so nothing the reader could see is lost.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        if (child is null && link.IsImage) link.InsertBefore(new LiteralInline(link.Url ?? ""));
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
