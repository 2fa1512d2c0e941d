namespace Archivist.Seeds;

/// <summary>
/// Recovers comments from layout B, where the page was flattened to one line per paragraph and each
/// comment's buttons were glued to the start of the next line: <c>ReplyDelete…</c> follows a top-level
/// comment (it has a Reply button), <c>Delete…</c> follows a reply. The buttons usually start the next
/// comment, but in these dumps a comment's first line often comes just before them, so each boundary is
/// decided from the evidence in the text (<see cref="CommentBoundaryEvidence"/>): a line that introduces
/// what follows, an open quotation, a lone URL before a quotation or headline, and a quotation answered
/// after the buttons keep their lines together; a sign-off (<c>sox</c>, <c>'Getafix</c>, <c>Nick</c>)
/// ends the comment it signs and a line addressing another comment starts one.
/// </summary>
public static class FlattenedCommentParser
{
    public const string ReplyDeleteMarker = "ReplyDelete";
    public const string DeleteMarker = "Delete";

    /// <summary>How far after the buttons an open quotation may close and still be one comment's.</summary>
    private const int QuotationReach = 20;

    private enum Level { Unknown, Top, Reply }

    private sealed class Draft(int line)
    {
        public int Line { get; } = line;
        public List<string> Lines { get; } = [];
        public List<int> LineNumbers { get; } = [];
        public Level Level { get; set; }

        public void Add(int lineNumber, string text)
        {
            Lines.Add(text);
            LineNumbers.Add(lineNumber);
        }

        public bool HasText => Lines.Exists(l => l.Length > 0);
    }

    /// <summary>The comments, and every boundary a rule other than "the buttons start a comment" decided.</summary>
    public sealed record Result(IReadOnlyList<SeedComment> Comments, IReadOnlyList<BoundaryDecision> Decisions);

    public static IReadOnlyList<SeedComment> Parse(IReadOnlyList<string> lines, int start, int firstLineNumber) =>
        ParseWithDecisions(lines, start, firstLineNumber).Comments;

    public static Result ParseWithDecisions(IReadOnlyList<string> lines, int start, int firstLineNumber)
    {
        var knownSignatures = CollectGluedSignatures(lines, start);
        var drafts = new List<Draft>();
        var decisions = new List<BoundaryDecision>();
        Draft? current = null;

        void Close(Level level)
        {
            if (current is null) return;
            current.Level = level;
            drafts.Add(current);
            current = null;
        }

        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNumber = firstLineNumber + i;
            if (line.Length == 0)
            {
                current?.Add(lineNumber, "");
                continue;
            }
            var marker = MarkerOf(line);
            if (marker is not null)
            {
                var rest = line[marker.Length..].Trim();
                var level = marker == ReplyDeleteMarker ? Level.Top : Level.Reply;
                if (rest.Length == 0)
                {
                    Close(level);
                    continue;
                }
                if ((drafts.Count > 0 || current is not null) && IsGluedSignature(rest, lines, i))
                {
                    // The sign-off was written at the end of the comment the buttons belong to.
                    Close(level);
                    drafts[^1].Add(lineNumber, rest);
                    continue;
                }
                var (carried, rule) = current is null ? (0, BoundaryRule.Marker) : LinesToCarry(current, rest, lines, i);
                if (current is not null && carried > 0 && carried >= TextLineCount(current))
                {
                    // Everything so far belongs with what follows the buttons: no boundary here.
                    decisions.Add(new BoundaryDecision(lineNumber, null, rule));
                    current.Add(lineNumber, rest);
                    continue;
                }
                if (current is not null && carried > 0)
                {
                    var from = FirstOfLastTextLines(current, carried);
                    var moved = new Draft(current.LineNumbers[from]);
                    for (var k = from; k < current.Lines.Count; k++) moved.Add(current.LineNumbers[k], current.Lines[k]);
                    current.Lines.RemoveRange(from, current.Lines.Count - from);
                    current.LineNumbers.RemoveRange(from, current.LineNumbers.Count - from);
                    Close(level);
                    current = moved;
                    current.Add(lineNumber, rest);
                    decisions.Add(new BoundaryDecision(lineNumber, moved.Line, rule));
                    continue;
                }
                Close(level);
                current = new Draft(lineNumber);
                current.Add(lineNumber, rest);
                continue;
            }

            var text = line.Trim();
            if (current is not null && current.HasText && CommentBoundaryEvidence.AddressesAnotherComment(text))
            {
                Close(Level.Unknown);
                decisions.Add(new BoundaryDecision(lineNumber, lineNumber, BoundaryRule.Addresses));
            }
            if (current is null)
            {
                current = new Draft(lineNumber);
                current.Add(lineNumber, text);
                continue;
            }
            current.Add(lineNumber, text);
            if (knownSignatures.Contains(text) || StartsLikeSignOff(text) && LooksLikeName(text) || CommentBoundaryEvidence.IsAnonymousSignOff(text))
                Close(Level.Unknown); // signed off without buttons: the next line starts another comment
        }
        Close(Level.Unknown);
        return new Result(Nest(drafts), decisions);
    }

    /// <summary>
    /// How many of the current comment's last lines belong with the text glued to the buttons, and which
    /// rule says so (0: the buttons start the next comment, as they usually do).
    /// </summary>
    private static (int Lines, BoundaryRule Rule) LinesToCarry(Draft draft, string rest, IReadOnlyList<string> lines, int markerIndex)
    {
        var text = draft.Lines.Where(l => l.Length > 0).ToList();
        if (text.Count == 0) return (0, BoundaryRule.Marker);
        var last = text[^1];

        // An open quotation runs to its close, across the buttons.
        var opened = OpenQuotationStart(text);
        if (opened >= 0 && QuotationClosesFrom(rest, lines, markerIndex)) return (text.Count - opened, BoundaryRule.OpenQuotation);

        if (CommentBoundaryEvidence.Introduces(last)) return (1, BoundaryRule.Introduces);

        // A URL heading what follows, unless it cites the quotation or headline it comes after.
        if (CommentBoundaryEvidence.IsLoneUrl(last) && (CommentBoundaryEvidence.IsQuotation(rest) || CommentBoundaryEvidence.IsHeadline(rest)))
        {
            var before = text.Count > 1 ? text[^2] : null;
            if (before is null || !(CommentBoundaryEvidence.IsQuotation(before) || CommentBoundaryEvidence.IsHeadline(before)))
                return (1, BoundaryRule.UrlWithWhatFollows);
        }

        // Quoted lines, then the buttons, then prose: the quoter's answer.
        var quoted = 0;
        while (quoted < text.Count && CommentBoundaryEvidence.IsQuotation(text[text.Count - 1 - quoted])) quoted++;
        if (quoted > 0 && !CommentBoundaryEvidence.IsQuotation(rest) && !CommentBoundaryEvidence.IsLoneUrl(rest)
            && !CommentBoundaryEvidence.LeavesQuotationOpen(rest))
            return (quoted, BoundaryRule.QuotationAnswered);

        return (0, BoundaryRule.Marker);
    }

    /// <summary>Index (among text lines) of the line that opened a quotation still open at the end, or -1.</summary>
    private static int OpenQuotationStart(List<string> text)
    {
        var opened = -1;
        for (var k = 0; k < text.Count; k++)
        {
            if (opened < 0 && CommentBoundaryEvidence.LeavesQuotationOpen(text[k])) opened = k;
            else if (opened >= 0 && CommentBoundaryEvidence.ClosesQuotation(text[k])) opened = -1;
        }
        return opened;
    }

    /// <summary>Whether the open quotation closes in the text after the buttons, before too long.</summary>
    private static bool QuotationClosesFrom(string rest, IReadOnlyList<string> lines, int markerIndex)
    {
        if (CommentBoundaryEvidence.ClosesQuotation(rest)) return true;
        if (CommentBoundaryEvidence.LeavesQuotationOpen(rest)) return false;
        for (var k = markerIndex + 1; k < lines.Count && k <= markerIndex + QuotationReach; k++)
        {
            if (lines[k].Length == 0 || MarkerOf(lines[k]) is not null) return false;
            if (CommentBoundaryEvidence.ClosesQuotation(lines[k])) return true;
            if (CommentBoundaryEvidence.LeavesQuotationOpen(lines[k])) return false;
        }
        return false;
    }

    private static int TextLineCount(Draft draft) => draft.Lines.Count(l => l.Length > 0);

    /// <summary>Index in <paramref name="draft"/>'s lines of the first of its last <paramref name="count"/> text lines.</summary>
    private static int FirstOfLastTextLines(Draft draft, int count)
    {
        for (var k = draft.Lines.Count - 1; k >= 0; k--)
            if (draft.Lines[k].Length > 0 && --count == 0) return k;
        return 0;
    }

    /// <summary>English words spelt from "Delete": as a line's whole first word they are prose, not the button.</summary>
    private static readonly HashSet<string> DeleteWords = ["Delete", "Deleted", "Deletes", "Deleting", "Deletion", "Deletions", "Deleter", "Deleters"];

    /// <summary>
    /// The button glued to the start of <paramref name="line"/>, if any. Buttons are glued to the next
    /// comment with no space ("Deletesox", "DeleteIt was…", "Delete“we…"), so the line's whole first word
    /// decides: "Deleted emails are evidence…" is text, and only a bare "Delete" is the button alone.
    /// </summary>
    public static string? MarkerOf(string line)
    {
        if (line.StartsWith(ReplyDeleteMarker, StringComparison.Ordinal)) return ReplyDeleteMarker; // no English word starts so
        if (!line.StartsWith(DeleteMarker, StringComparison.Ordinal)) return null;
        if (line.Length == DeleteMarker.Length) return DeleteMarker;
        return DeleteWords.Contains(FirstWord(line)) ? null : DeleteMarker;
    }

    /// <summary>Up to the first space, without the punctuation that may end a word ("Deleted," "Deletion:").</summary>
    private static string FirstWord(string line)
    {
        var space = line.IndexOf(' ');
        return (space < 0 ? line : line[..space]).TrimEnd(',', '.', ';', ':', '!', '?', ')');
    }

    /// <summary>
    /// Text glued to a marker is a sign-off (not a new comment) when it is shaped like a name and the
    /// next line carries no marker of its own — the new comment then starts there, unmarked.
    /// </summary>
    private static bool IsGluedSignature(string rest, IReadOnlyList<string> lines, int index)
    {
        if (!LooksLikeName(rest)) return false;
        var next = index + 1;
        while (next < lines.Count && lines[next].Length == 0) next++;
        return next < lines.Count && MarkerOf(lines[next]) is null;
    }

    private static HashSet<string> CollectGluedSignatures(IReadOnlyList<string> lines, int start)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < lines.Count; i++)
        {
            var marker = MarkerOf(lines[i]);
            if (marker is null) continue;
            var rest = lines[i][marker.Length..].Trim();
            if (IsGluedSignature(rest, lines, i)) names.Add(rest);
        }
        return names;
    }

    private static bool StartsLikeSignOff(string text) => text.Length > 1 && text[0] is '\'' or '~' or '‘';

    /// <summary>One or two short words of letters, as people sign comments: <c>sox</c>, <c>'Getafix</c>, <c>Nick</c>.</summary>
    public static bool LooksLikeName(string text)
    {
        if (text.Length is 0 or > 24) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 2) return false;
        foreach (var word in words)
        {
            var w = word.TrimStart('\'', '~', '‘', '-');
            if (w.Length == 0) return false;
            foreach (var c in w)
                if (!char.IsLetter(c) && c is not '\'' and not '’' and not '-') return false;
        }
        return true;
    }

    /// <summary>Replies attach to the nearest top-level comment before them; a comment whose level the
    /// evidence does not show takes the level of its neighbours (a reply only inside a run of replies).</summary>
    private static IReadOnlyList<SeedComment> Nest(List<Draft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Level != Level.Unknown) continue;
            var before = i > 0 ? drafts[i - 1].Level : Level.Top;
            var after = i + 1 < drafts.Count ? drafts[i + 1].Level : Level.Top;
            drafts[i].Level = before == Level.Reply && after == Level.Reply ? Level.Reply : Level.Top;
        }

        var top = new List<(Draft Draft, List<SeedComment> Replies)>();
        foreach (var draft in drafts)
        {
            if (draft.Lines.All(l => l.Length == 0)) continue;
            if (draft.Level == Level.Reply && top.Count > 0)
                top[^1].Replies.Add(new SeedComment(draft.Line, BlockParser.Parse(draft.Lines), []));
            else
                top.Add((draft, []));
        }
        return top.Select(t => new SeedComment(t.Draft.Line, BlockParser.Parse(t.Draft.Lines), t.Replies)).ToList();
    }
}
