using System.Globalization;
using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Comments as Blogger's own templates print them, with who wrote each and when. Classic templates:
/// <c>NAME said...</c> (or <c>said…</c>) on the line before the text and the time on the line after it.
/// Threaded templates: the name, then the time, on lines above the text, then the buttons; replies follow a
/// <c>Replies</c> line (or are indented deeper) until the thread's own <c>Reply</c> link. Times are
/// <c>19 March 2011 at 10:42</c> (UK blogs) or <c>March 19, 2011 at 10:42 PM</c> (US blogs). The name and time
/// lines become the comment's author and time and never stay in its text.
/// </summary>
public static partial class AttributedCommentParser
{
    // Blogger always prints the dots (or a colon); a numbered comment ("1. …as she said...") is never a byline.
    [GeneratedRegex(@"^(?!\d+\. )(?<name>\S.{0,79}?) said(?:\.\.\.|…|:)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassicHead();

    [GeneratedRegex(@"^(?<d>\d{1,2}) (?<m>[A-Z][a-z]+) (?<y>\d{4}) at (?<h>\d{1,2}):(?<min>\d{2})(?: ?(?<ampm>[AaPp][Mm]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UkTime();

    [GeneratedRegex(@"^(?<m>[A-Z][a-z]+) (?<d>\d{1,2}), (?<y>\d{4}) at (?<h>\d{1,2}):(?<min>\d{2})(?: ?(?<ampm>[AaPp][Mm]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UsTime();

    private const int MaxNameLength = 80;

    /// <summary>Whether the comment section starting at <paramref name="start"/> is in one of these forms.</summary>
    public static bool Recognises(IReadOnlyList<string> lines, int start)
    {
        var first = NextText(lines, start);
        if (first < 0) return false;
        if (ClassicHead().IsMatch(lines[first].Trim())) return true;
        var second = NextText(lines, first + 1);
        return second >= 0 && IsThreadedHead(lines[first].Trim(), lines[second].Trim());
    }

    /// <summary>A Blogger comment time, as a local date and time; null when <paramref name="line"/> is not one.</summary>
    public static DateTime? ParseTime(string line)
    {
        var m = UkTime().Match(line);
        if (!m.Success) m = UsTime().Match(line);
        if (!m.Success) return null;
        if (!DateTime.TryParseExact(m.Groups["m"].Value, "MMMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return null;
        var hour = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = char.ToUpperInvariant(m.Groups["ampm"].Value[0]) == 'P';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].ValueSpan, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || day < 1 || day > DateTime.DaysInMonth(year, month.Month)) return null;
        return new DateTime(year, month.Month, day, hour, minute, 0, DateTimeKind.Unspecified);
    }

    private sealed class Draft(int line, string? author, DateTime? published, bool reply)
    {
        public int Line { get; } = line;
        public string? Author { get; } = author;
        public DateTime? Published { get; set; } = published;
        public bool IsReply { get; } = reply;
        public List<string> Lines { get; } = [];
        public List<Draft> Replies { get; } = [];

        public SeedComment Build() => new(Line, BlockParser.Parse(Trimmed()), Replies.Select(r => r.Build()).ToList())
        {
            Author = Author,
            Published = Published,
        };

        private IEnumerable<string> Trimmed()
        {
            var first = Lines.FindIndex(l => l.Length > 0);
            var last = Lines.FindLastIndex(l => l.Length > 0);
            return first < 0 ? [] : Lines.Skip(first).Take(last - first + 1);
        }
    }

    /// <param name="lines">The post's lines; comments occupy <paramref name="start"/> to the end.</param>
    /// <param name="firstLineNumber">1-based file line number of <c>lines[0]</c>.</param>
    /// <returns>The comments, and any text before the first of them (kept by the caller, never dropped).</returns>
    public static (IReadOnlyList<SeedComment> Comments, IReadOnlyList<string> Leading) Parse(IReadOnlyList<string> lines, int start, int firstLineNumber)
    {
        var top = new List<Draft>();
        var leading = new List<string>();
        Draft? current = null;
        var topIndent = -1;
        var repliesOpen = false;
        var classicTimeSeen = false; // a classic comment's time closes it: what follows is buttons, then the next head
        // One template per page: in a classic page a text line followed by its time is not a threaded byline.
        var firstText = NextText(lines, start);
        var classicPage = firstText >= 0 && ClassicHead().IsMatch(lines[firstText].Trim());

        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                current?.Lines.Add("");
                continue;
            }
            var indent = line.Length - line.TrimStart().Length;

            if (ButtonLine.Is(trimmed))
            {
                if (trimmed == "Replies") repliesOpen = true;
                else if (trimmed == "Reply" && repliesOpen && current is { IsReply: true }) repliesOpen = false; // the thread's own "Reply" link
                continue;
            }

            var classic = classicPage ? ClassicHead().Match(trimmed) : Match.Empty;
            var next = NextText(lines, i + 1);
            var threaded = !classicPage && next >= 0 && IsThreadedHead(trimmed, lines[next].Trim());
            if (classic.Success || threaded)
            {
                if (topIndent < 0) topIndent = indent;
                var isReply = top.Count > 0 && (repliesOpen || indent > topIndent);
                var author = classic.Success ? classic.Groups["name"].Value.Trim() : trimmed;
                var published = threaded ? ParseTime(lines[next].Trim()) : null;
                current = new Draft(firstLineNumber + i, author, published, isReply);
                if (isReply) top[^1].Replies.Add(current);
                else
                {
                    top.Add(current);
                    repliesOpen = false;
                }
                classicTimeSeen = false;
                if (threaded) i = next; // the time line is the byline's, not text
                continue;
            }

            if (current is not null && current.Published is null && !classicTimeSeen && ParseTime(trimmed) is { } time)
            {
                current.Published = time; // a classic comment's time, after its text
                classicTimeSeen = true;
                continue;
            }

            if (current is null) leading.Add(trimmed);
            else current.Lines.Add(trimmed);
        }
        return (top.Select(d => d.Build()).ToList(), leading);
    }

    /// <summary>A threaded byline: a short name line (not itself a time or text), then a time line.</summary>
    private static bool IsThreadedHead(string name, string following) =>
        name.Length <= MaxNameLength && ParseTime(name) is null && !ButtonLine.Is(name)
        && name[^1] is not ('.' or '!' or '?' or ':' or ',') && ParseTime(following) is not null;

    private static int NextText(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0) return i;
        return -1;
    }
}
