using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>Finds where a post's body ends and its comments begin, and which layout they use.</summary>
public static partial class CommentSectionLocator
{
    [GeneratedRegex(@"^(?<n>\d+|No) comments?:$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CommentsHeader();

    [GeneratedRegex(@"^  (?<n>\d+)\. \S", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelItem();

    public static CommentSection Locate(IReadOnlyList<string> lines)
    {
        // Layout A: the last "N comments:" line wins (a quoted one earlier in the body is just text).
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i];
            if (line.Length < 10 || line[^1] != ':') continue;
            var m = CommentsHeader().Match(line);
            if (!m.Success) continue;
            var n = m.Groups["n"].Value;
            // A count too big for an int cannot be checked against the comments found, so it is not compared.
            int? declared = n.Equals("no", StringComparison.OrdinalIgnoreCase) ? 0 : int.TryParse(n, out var count) ? count : null;
            var layout = AttributedCommentParser.Recognises(lines, i + 1) ? CommentLayout.Attributed : CommentLayout.Numbered;
            return new CommentSection(layout, i, i + 1, declared);
        }

        // Layout B: button text glued to the start of a line. The comment before the first marker is the
        // first comment; in flattened text every line is a paragraph, so that is the one line above it.
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(FlattenedCommentParser.ReplyDeleteMarker, StringComparison.Ordinal)) continue;
            var start = i;
            if (start > 0 && lines[start - 1].Length > 0) start--;
            else
                while (start > 0 && lines[start - 1].Length == 0) start--; // marker after blank lines: nothing before it to claim
            return new CommentSection(CommentLayout.Flattened, start, start, null);
        }

        // Layout C: a tail of indented lines that opens with "  1. ", unless the body announces it as a list.
        var tail = lines.Count;
        while (tail > 0 && (lines[tail - 1].Length == 0 || lines[tail - 1].StartsWith("  ", StringComparison.Ordinal))) tail--;
        for (var i = tail; i < lines.Count; i++)
        {
            var m = TopLevelItem().Match(lines[i]);
            if (m.Success && m.Groups["n"].Value == "1")
                return IsIntroducedList(lines, i) ? CommentSection.None(lines.Count) : new CommentSection(CommentLayout.Indented, i, i, null);
        }
        return CommentSection.None(lines.Count);
    }

    private const int MaxListItemWords = 12;

    /// <summary>
    /// "My three demands are:" then "  1. Pay restoration", "  2. Workload caps": the colon makes the items
    /// part of the text. Real indented comments (seed 004) are paragraphs with continuation lines and replies,
    /// so a tail counts as such a list only when it is nothing but short one-line top-level items.
    /// </summary>
    private static bool IsIntroducedList(IReadOnlyList<string> lines, int first)
    {
        var before = first - 1;
        while (before >= 0 && lines[before].Length == 0) before--;
        if (before < 0 || !lines[before].EndsWith(':')) return false;
        for (var i = first; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            if (!TopLevelItem().IsMatch(lines[i]) || WordCount(lines[i]) - 1 > MaxListItemWords) return false;
        }
        return true;
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
