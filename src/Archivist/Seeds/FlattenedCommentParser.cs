namespace Archivist.Seeds;

/// <summary>
/// Recovers comments from layout B, where the page was flattened to one line per paragraph and each
/// comment's buttons were glued to the start of the next line: <c>ReplyDelete…</c> follows a top-level
/// comment (it has a Reply button), <c>Delete…</c> follows a reply. Sign-off lines (<c>sox</c>,
/// <c>'Getafix</c>, <c>Nick</c>) belong to the comment they sign and end it.
/// </summary>
public static class FlattenedCommentParser
{
    public const string ReplyDeleteMarker = "ReplyDelete";
    public const string DeleteMarker = "Delete";

    private enum Level { Unknown, Top, Reply }

    private sealed class Draft(int line)
    {
        public int Line { get; } = line;
        public List<string> Lines { get; } = [];
        public Level Level { get; set; }
    }

    public static IReadOnlyList<SeedComment> Parse(IReadOnlyList<string> lines, int start, int firstLineNumber)
    {
        var knownSignatures = CollectGluedSignatures(lines, start);
        var drafts = new List<Draft>();
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
                current?.Lines.Add("");
                continue;
            }
            var marker = MarkerOf(line);
            if (marker is not null)
            {
                var rest = line[marker.Length..].Trim();
                Close(marker == ReplyDeleteMarker ? Level.Top : Level.Reply);
                if (rest.Length == 0) continue;
                if (drafts.Count > 0 && IsGluedSignature(rest, lines, i))
                {
                    // The sign-off was written at the end of the comment the buttons belong to.
                    drafts[^1].Lines.Add(rest);
                    continue;
                }
                current = new Draft(lineNumber);
                current.Lines.Add(rest);
                continue;
            }
            if (current is null)
            {
                current = new Draft(lineNumber);
                current.Lines.Add(line.Trim());
                continue;
            }
            current.Lines.Add(line.Trim());
            if (knownSignatures.Contains(line.Trim()) || StartsLikeSignOff(line.Trim()) && LooksLikeName(line.Trim()))
                Close(Level.Unknown); // signed off without buttons: the next line starts another comment
        }
        Close(Level.Unknown);
        return Nest(drafts);
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
