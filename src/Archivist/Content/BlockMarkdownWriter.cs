using System.Globalization;
using Archivist.Seeds;

namespace Archivist.Content;

/// <summary>Writes seed blocks as CommonMark, one blank line between blocks.</summary>
public static class BlockMarkdownWriter
{
    /// <summary>The blog's own section break.</summary>
    public const string SectionBreak = "* * *";

    /// <summary>Between quoted reader contributions: a rule too, written differently so the source keeps the distinction.</summary>
    public const string ContributionBreak = "- - -";

    public static string Write(IEnumerable<SeedBlock> blocks) => string.Join("\n\n", blocks.Select(Write));

    public static string Write(SeedBlock block) => block switch
    {
        // A backslash at the end of a line is CommonMark's visible hard line break.
        ParagraphBlock p => string.Join("\\\n", p.Lines.Select(MarkdownText.Line)),
        BulletListBlock b => string.Join("\n", b.Items.Select(item => "- " + MarkdownText.Line(item))),
        NumberedListBlock n => string.Join("\n", n.Items.Select(item =>
            item.Number.ToString(CultureInfo.InvariantCulture) + item.Delimiter + " " + MarkdownText.Line(item.Text))),
        SectionBreakBlock => SectionBreak,
        ContributionBreakBlock => ContributionBreak,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name),
    };
}
