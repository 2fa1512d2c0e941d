using System.Globalization;
using System.Text;
using Archivist.Seeds;

namespace Archivist.Content;

/// <summary>Writes seed blocks as CommonMark, one blank line between blocks.</summary>
public static class BlockMarkdownWriter
{
    /// <summary>The blog's own section break.</summary>
    public const string SectionBreak = "* * *";

    /// <summary>A lone separator between quoted reader contributions (runs of them become block quotes, one per contribution).</summary>
    public const string ContributionBreak = "- - -";

    public static string Write(IEnumerable<SeedBlock> blocks)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var block in blocks)
        {
            if (!first) sb.Append("\n\n");
            Append(sb, block);
            first = false;
        }
        return sb.ToString();
    }

    public static string Write(SeedBlock block) => Append(new StringBuilder(), block).ToString();

    private static StringBuilder Append(StringBuilder sb, SeedBlock block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                for (var i = 0; i < p.Lines.Count; i++)
                {
                    // A backslash at the end of a line is CommonMark's visible hard line break.
                    if (i > 0) sb.Append("\\\n");
                    MarkdownText.AppendLine(sb, p.Lines[i]);
                }
                break;
            case BulletListBlock b:
                for (var i = 0; i < b.Items.Count; i++)
                {
                    if (i > 0) sb.Append('\n');
                    MarkdownText.AppendLine(sb.Append("- "), b.Items[i]);
                }
                break;
            case NumberedListBlock n:
                for (var i = 0; i < n.Items.Count; i++)
                {
                    if (i > 0) sb.Append('\n');
                    var item = n.Items[i];
                    sb.Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append(item.Delimiter).Append(' ');
                    MarkdownText.AppendLine(sb, item.Text);
                }
                break;
            case HeadingBlock h:
                // A heading's text is inline: "1) Cultural change" stays as written, never a list marker.
                MarkdownText.AppendLine(sb.Append("# "), h.Text);
                break;
            case SectionBreakBlock:
                sb.Append(SectionBreak);
                break;
            case ContributionBreakBlock:
                sb.Append(ContributionBreak);
                break;
            case ContributionsBlock c:
                // Each contribution its own block quote; a blank line between two quotes keeps them apart.
                for (var i = 0; i < c.Contributions.Count; i++)
                {
                    if (i > 0) sb.Append("\n\n");
                    var inner = Write(c.Contributions[i]).Split('\n');
                    for (var j = 0; j < inner.Length; j++)
                    {
                        if (j > 0) sb.Append('\n');
                        sb.Append(inner[j].Length == 0 ? ">" : "> ").Append(inner[j]);
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name);
        }
        return sb;
    }
}
