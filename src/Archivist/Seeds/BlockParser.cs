using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Splits the text of a post body or of one comment into blocks: paragraphs, bullet lists, numbered lists,
/// headings, section breaks and contribution separators. Paragraphs are as the author wrote them: where the
/// text has no blank line at all, every line is a paragraph (the dump kept one line per paragraph); where
/// blank lines separate paragraphs, a single break inside one stays a line break (poems, addresses, scores),
/// unless its lines are whole paragraphs of prose run together.
/// </summary>
public static partial class BlockParser
{
    [GeneratedRegex(@"^-{1,}\s*o+\s*0+\s*o+\s*-{1,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionBreak();

    // "1. What", "1) Cultural change", and "1.What is…" (no space, but a capital after the dot: not "2.5").
    [GeneratedRegex(@"^(?<n>\d{1,3})(?<d>[.)])(?:\s+|(?=\p{Lu}))(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();

    private const string Bullets = "•●▪◦‣∙";

    public static IReadOnlyList<SeedBlock> Parse(IEnumerable<string> lines)
    {
        var all = lines as IReadOnlyList<string> ?? lines.ToList();
        var blocks = ParseRaw(all);
        var blankSeparated = HasBlankBetweenText(all);
        return AsWritten(blocks, blankSeparated);
    }

    private static List<SeedBlock> ParseRaw(IReadOnlyList<string> lines)
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
                numbered.Add(new NumberedItem(int.Parse(m.Groups["n"].ValueSpan), m.Groups["d"].Value[0], m.Groups["text"].Value, line));
                continue;
            }
            FlushBullets();
            FlushNumbered();
            paragraph.Add(line);
        }
        FlushAll();
        return blocks;
    }

    /// <summary>A paragraph whose lines average this long is prose run together, not a poem or a list of scores.</summary>
    private const int ProseLineLength = 80;

    private const int MaxHeadingWords = 12;
    private const int MaxHeadingLength = 90;

    private static bool HasBlankBetweenText(IReadOnlyList<string> lines)
    {
        var seenText = false;
        var blankAfterText = false;
        foreach (var line in lines)
        {
            if (line.AsSpan().Trim().IsEmpty)
            {
                blankAfterText = seenText;
                continue;
            }
            if (blankAfterText) return true;
            seenText = true;
        }
        return false;
    }

    /// <summary>Paragraph lines, numbered sequences and headlines as the author meant them (see the class summary).</summary>
    private static IReadOnlyList<SeedBlock> AsWritten(List<SeedBlock> blocks, bool blankSeparated)
    {
        var split = new List<SeedBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is ParagraphBlock { Lines.Count: > 1 } p && (!blankSeparated || p.Lines.Average(l => l.Length) >= ProseLineLength))
                split.AddRange(p.Lines.Select(l => new ParagraphBlock([l])));
            else split.Add(block);
        }
        NumberedSequencesOneWay(split);
        if (blankSeparated) QuotedHeadlines(split);
        return GroupContributions(split);
    }

    /// <summary>How far back from the first <c>******</c> a line ending ':' may introduce the contributions.</summary>
    private const int IntroductionReach = 3;

    /// <summary>
    /// Runs of <c>******</c> separate quoted reader contributions, not sections: each run becomes one
    /// <see cref="ContributionsBlock"/>. It starts after the line that introduces it ("We have a very serious
    /// situation:-"), or with the one block before the first separator, and ends at the author's next section
    /// break (or the end of the text).
    /// </summary>
    private static List<SeedBlock> GroupContributions(List<SeedBlock> blocks)
    {
        var first = blocks.FindIndex(b => b is ContributionBreakBlock);
        if (first < 0) return blocks;
        var result = new List<SeedBlock>(blocks.Count);
        var i = 0;
        while (i < blocks.Count)
        {
            var next = blocks.FindIndex(i, b => b is ContributionBreakBlock);
            if (next < 0)
            {
                result.AddRange(blocks.Skip(i));
                break;
            }
            // Where the first contribution starts: after an introducing line, else the one block before the separator.
            var start = next;
            var introduced = false;
            var sectionStart = i;
            for (var k = next - 1; k >= i; k--)
                if (blocks[k] is SectionBreakBlock) { sectionStart = k + 1; break; }
            for (var k = next - 1; k >= sectionStart && k >= next - IntroductionReach; k--)
            {
                if (blocks[k] is ParagraphBlock p && p.Lines[^1].TrimEnd() is var t && (t.EndsWith(':') || t.EndsWith(":-", StringComparison.Ordinal)))
                {
                    start = k + 1;
                    introduced = true;
                    break;
                }
            }
            if (!introduced && next > sectionStart) start = next - 1;
            var end = blocks.FindIndex(next, b => b is SectionBreakBlock);
            if (end < 0) end = blocks.Count;

            result.AddRange(blocks.Skip(i).Take(start - i));
            var contributions = new List<IReadOnlyList<SeedBlock>>();
            var current = new List<SeedBlock>();
            for (var k = start; k < end; k++)
            {
                if (blocks[k] is ContributionBreakBlock)
                {
                    if (current.Count > 0) contributions.Add(current);
                    current = [];
                }
                else current.Add(blocks[k]);
            }
            if (current.Count > 0) contributions.Add(current);
            result.Add(new ContributionsBlock(contributions));
            i = end;
        }
        return result;
    }

    /// <summary>
    /// A numbered sequence broken up by paragraphs ("1) Cultural change", its text, "2) Data Sharing"…) is not
    /// a list: each numbered line becomes a heading when every one of them is heading-shaped, otherwise a
    /// paragraph, keeping its number and delimiter as written. One sequence renders one way throughout.
    /// </summary>
    private static void NumberedSequencesOneWay(List<SeedBlock> blocks)
    {
        var i = 0;
        while (i < blocks.Count)
        {
            if (blocks[i] is not NumberedListBlock first) { i++; continue; }
            var members = new List<int> { i };
            var last = first.Items[^1].Number;
            for (var j = i + 1; j < blocks.Count; j++)
            {
                if (blocks[j] is not NumberedListBlock next) continue;
                if (next.Items[0].Number != last + 1) break;
                members.Add(j);
                last = next.Items[^1].Number;
            }
            var interrupted = members.Count > 1 || first.Items[0].Number > 1;
            if (!interrupted) { i = members[^1] + 1; continue; }
            var items = members.SelectMany(m => ((NumberedListBlock)blocks[m]).Items).ToList();
            var headings = items.All(item => IsHeadingShaped(item.Text, allowQuestion: true));
            for (var k = members.Count - 1; k >= 0; k--)
            {
                var list = (NumberedListBlock)blocks[members[k]];
                blocks.RemoveAt(members[k]);
                blocks.InsertRange(members[k], list.Items.Select(item => headings
                    ? (SeedBlock)new HeadingBlock(WrittenLine(item))
                    : new ParagraphBlock([WrittenLine(item)])));
            }
            i = members[^1] + 1;
        }
    }

    private static string WrittenLine(NumberedItem item) => item.Written.Length > 0 ? item.Written : $"{item.Number}{item.Delimiter} {item.Text}";

    /// <summary>
    /// "Restorative Justice ‘thwarted by HMPPS’" on a line of its own, followed by the article: a headline, when
    /// it is short, has no closing punctuation, and either quotes someone or is introduced by a line ending ':'
    /// ("…published by Napo on Wednesday:-", then "OMIC Review").
    /// </summary>
    private static void QuotedHeadlines(List<SeedBlock> blocks)
    {
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock { Lines: [var line] } || blocks[i + 1] is not ParagraphBlock article) continue;
            if (!IsHeadingShaped(line, allowQuestion: false) || !char.IsUpper(line[0])) continue;
            if (article.Lines.Sum(l => l.Length) < ProseLineLength) continue;
            // Introduced by a colon, a headline is words alone: "Published on Jun 19, 2015" after one is a dateline.
            var introduced = i > 0 && blocks[i - 1] is ParagraphBlock before && before.Lines[^1].TrimEnd() is var b
                && (b.EndsWith(':') || b.EndsWith(":-", StringComparison.Ordinal)) && !line.Any(c => c == ',' || char.IsDigit(c));
            if (introduced || QuotesSomeone(line)) blocks[i] = new HeadingBlock(line);
        }
    }

    private static bool IsHeadingShaped(string text, bool allowQuestion)
    {
        var t = text.Trim();
        if (t.Length is 0 or > MaxHeadingLength) return false;
        if (t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxHeadingWords) return false;
        // One phrase: no sentence ends inside it ("Why is it needed? Research has shown…" is a question and its answer).
        if (t.Contains(". ", StringComparison.Ordinal) || t.Contains("? ", StringComparison.Ordinal) || t.Contains("! ", StringComparison.Ordinal)) return false;
        return t[^1] switch
        {
            '?' => allowQuestion,
            '.' or ',' or ';' or '!' => allowQuestion && t.EndsWith("…", StringComparison.Ordinal) || allowQuestion && t.EndsWith("..", StringComparison.Ordinal),
            ':' => allowQuestion,
            _ => true,
        };
    }

    private static bool QuotesSomeone(string line)
    {
        foreach (var (open, close) in new[] { ('‘', '’'), ('“', '”'), ('\'', '\''), ('"', '"') })
        {
            var start = line.IndexOf(open);
            if (start > 0 && line.IndexOf(close, start + 1) > start + 1) return true;
        }
        return false;
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
