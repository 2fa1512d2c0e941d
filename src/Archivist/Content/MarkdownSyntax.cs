using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using System.Text;

namespace Archivist.Content;

/// <summary>
/// The one Markdown dialect of the archive: CommonMark with raw HTML disabled and bare URLs autolinked.
/// Rendering (HTML) and search (plain text) both parse through it, so they agree on what the text is.
/// </summary>
public static class MarkdownSyntax
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// The words a reader sees: block texts separated by blank lines, hard line breaks as newlines,
    /// links as their visible text, no Markdown syntax.
    /// </summary>
    public static string ToPlainText(string markdown) =>
        WrittenMarkdownText.TryToPlainText(markdown, out var text) ? text : ToPlainText(Parse(markdown));

    /// <summary>The same, for a document already parsed (the renderer parses once for HTML and text).</summary>
    public static string ToPlainText(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        AppendBlocks(sb, document);
        return sb.ToString().Trim();
    }

    private static void AppendBlocks(StringBuilder sb, ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case LeafBlock { Inline: { } inline }:
                    if (sb.Length > 0) sb.Append("\n\n");
                    AppendInlines(sb, inline);
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    if (sb.Length > 0) sb.Append("\n\n");
                    sb.Append(leaf.Lines.ToString());
                    break;
                case ContainerBlock child:
                    AppendBlocks(sb, child);
                    break;
            }
        }
    }

    private static void AppendInlines(StringBuilder sb, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    sb.Append('\n');
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case AutolinkInline auto:
                    sb.Append(auto.Url);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline child:
                    AppendInlines(sb, child);
                    break;
            }
        }
    }
}
