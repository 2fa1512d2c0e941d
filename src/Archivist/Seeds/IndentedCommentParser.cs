using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Parses comments laid out by indentation: <c>  N. text</c> starts top-level comment N and
/// <c>    N. text</c> starts reply N under it; deeper-indented lines continue the comment.
/// Serves layout A (which adds <c>ReplyDelete</c>/<c>Replies</c>/<c>Delete</c> button lines) and layout C.
/// Numbering must run in sequence, so a numbered line inside a comment's own text stays text.
/// </summary>
public static partial class IndentedCommentParser
{
    [GeneratedRegex(@"^(?<indent> *)(?<n>\d+)\. (?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();

    private sealed class Draft(int line, string first)
    {
        public int Line { get; } = line;
        public List<string> Lines { get; } = [first];
        public List<Draft> Replies { get; } = [];

        public SeedComment Build() => new(Line, BlockParser.Parse(Lines), Replies.Select(r => r.Build()).ToList());
    }

    /// <param name="lines">The post's lines; comments occupy <paramref name="start"/> to the end.</param>
    /// <param name="firstLineNumber">1-based file line number of <c>lines[0]</c>.</param>
    /// <param name="requireRepliesMarker">Layout A announces replies with a <c>Replies</c> line; layout C has no markers.</param>
    public static (IReadOnlyList<SeedComment> Comments, IReadOnlyList<string> Leading) Parse(
        IReadOnlyList<string> lines, int start, int firstLineNumber, bool requireRepliesMarker)
    {
        var top = new List<Draft>();
        var leading = new List<string>();
        Draft? current = null;
        var topIndent = -1;
        var repliesOpen = false;
        var afterButtons = false;

        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                current?.Lines.Add("");
                continue;
            }
            if (requireRepliesMarker && ButtonLine.Is(trimmed))
            {
                if (trimmed == "Replies") repliesOpen = true;
                afterButtons = true;
                continue;
            }

            var m = char.IsAsciiDigit(trimmed[0]) ? Item().Match(line) : Match.Empty;
            if (m.Success)
            {
                var indent = m.Groups["indent"].Length;
                // A number too big for an int is no comment's number (there are not that many): it stays text.
                var n = int.TryParse(m.Groups["n"].ValueSpan, out var parsed) ? parsed : -1;
                if (topIndent < 0 && n == 1 && indent >= 1) topIndent = indent;
                if (indent == topIndent && n == top.Count + 1)
                {
                    current = new Draft(firstLineNumber + i, m.Groups["text"].Value);
                    top.Add(current);
                    repliesOpen = false;
                    afterButtons = false;
                    continue;
                }
                var parent = top.Count > 0 ? top[^1] : null;
                if (parent is not null && indent > topIndent && n == parent.Replies.Count + 1
                    && (!requireRepliesMarker || repliesOpen || afterButtons))
                {
                    current = new Draft(firstLineNumber + i, m.Groups["text"].Value);
                    parent.Replies.Add(current);
                    afterButtons = false;
                    continue;
                }
            }

            afterButtons = false;
            if (current is null) leading.Add(trimmed);
            else current.Lines.Add(trimmed);
        }
        return (top.Select(d => d.Build()).ToList(), leading);
    }
}
