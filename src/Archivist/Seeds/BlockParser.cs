using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Splits the text of a post body or of one comment into blocks: paragraphs (blank-line separated,
/// line breaks kept), bullet lists, numbered lists, section breaks and contribution separators.
/// </summary>
public static partial class BlockParser
{
    [GeneratedRegex(@"^-{1,}\s*o+\s*0+\s*o+\s*-{1,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionBreak();

    [GeneratedRegex(@"^(?<n>\d{1,3})(?<d>[.)])\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();

    private const string Bullets = "•●▪◦‣∙";

    public static IReadOnlyList<SeedBlock> Parse(IEnumerable<string> lines)
    {
        var blocks = new List<SeedBlock>();
        var paragraph = new List<string>();
        var bullets = new List<string>();
        var numbered = new List<NumberedItem>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0) blocks.Add(new ParagraphBlock([.. paragraph]));
            paragraph.Clear();
        }
        void FlushBullets()
        {
            if (bullets.Count > 0) blocks.Add(new BulletListBlock([.. bullets]));
            bullets.Clear();
        }
        void FlushNumbered()
        {
            if (numbered.Count > 0) blocks.Add(new NumberedListBlock([.. numbered]));
            numbered.Clear();
        }
        void FlushAll()
        {
            FlushParagraph();
            FlushBullets();
            FlushNumbered();
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                // A blank line ends a paragraph; list items separated by blank lines stay one list.
                FlushParagraph();
                continue;
            }
            if (IsContributionBreak(line))
            {
                FlushAll();
                blocks.Add(new ContributionBreakBlock());
                continue;
            }
            if (line[0] == '-' && SectionBreak().IsMatch(line))
            {
                FlushAll();
                blocks.Add(new SectionBreakBlock());
                continue;
            }
            if (TryBullet(line, out var bulletText))
            {
                FlushParagraph();
                FlushNumbered();
                bullets.Add(bulletText);
                continue;
            }
            var m = char.IsAsciiDigit(line[0]) ? NumberedLine().Match(line) : Match.Empty;
            if (m.Success)
            {
                FlushParagraph();
                FlushBullets();
                numbered.Add(new NumberedItem(int.Parse(m.Groups["n"].ValueSpan), m.Groups["d"].Value[0], m.Groups["text"].Value));
                continue;
            }
            FlushBullets();
            FlushNumbered();
            paragraph.Add(line);
        }
        FlushAll();
        return blocks;
    }

    public static bool IsContributionBreak(string trimmed)
    {
        if (trimmed.Length < 6) return false;
        foreach (var c in trimmed) if (c != '*') return false;
        return true;
    }

    private static bool TryBullet(string line, out string text)
    {
        text = "";
        if (line.Length < 2 || !Bullets.Contains(line[0])) return false;
        text = line[1..].TrimStart();
        return text.Length > 0;
    }
}
