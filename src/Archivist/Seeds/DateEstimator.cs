using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Estimates when an undated post was written from dates in its text: dated URL paths
/// (<c>/2024/jul/22/</c>, <c>/2024/07/22/</c>) and written dates (<c>22 July 2024</c>).
/// A post is written after everything it cites and before its comments, so the latest date in the
/// body wins; failing that, the earliest date in the comments.
/// </summary>
public static partial class DateEstimator
{
    public sealed record Estimate(DateOnly Date, int Line, string Evidence);

    [GeneratedRegex(@"/(?<year>(?:19|20)\d{2})/(?<month>\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?<day>\d{1,2})(?=[/.?#-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDayMonthYear();

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,\s+(?<year>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenMonthDayYear();

    /// <param name="body">Body lines with their 1-based line numbers.</param>
    /// <param name="comments">Comment lines with their 1-based line numbers.</param>
    public static Estimate? FromText(IEnumerable<(int Line, string Text)> body, IEnumerable<(int Line, string Text)> comments)
    {
        var inBody = Find(body).ToList();
        if (inBody.Count > 0) return inBody.MaxBy(e => (e.Date, -e.Line));
        var inComments = Find(comments).ToList();
        return inComments.Count > 0 ? inComments.MinBy(e => (e.Date, e.Line)) : null;
    }

    private static IEnumerable<Estimate> Find(IEnumerable<(int Line, string Text)> lines)
    {
        foreach (var (line, text) in lines)
        {
            if (!HasDigitRun(text)) continue;
            foreach (var regex in new[] { UrlDate(), WrittenDayMonthYear(), WrittenMonthDayYear() })
            {
                foreach (Match m in regex.Matches(text))
                {
                    if (TryDate(m, out var date)) yield return new Estimate(date, line, m.Value.Trim('/'));
                }
            }
        }
    }

    private static bool HasDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    private static bool TryDate(Match m, out DateOnly date)
    {
        date = default;
        var monthText = m.Groups["month"].Value;
        var month = char.IsAsciiDigit(monthText[0]) ? int.Parse(monthText) : DateLineParser.MonthNumber(monthText);
        var year = int.Parse(m.Groups["year"].ValueSpan);
        var day = int.Parse(m.Groups["day"].ValueSpan);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
