using System.Globalization;
using System.Text.RegularExpressions;

namespace Archivist.Seeds;

/// <summary>
/// Recognises a line that is nothing but a date, in the forms Blogger dumps use:
/// <c>Thursday, 9 October 2025</c>, <c>Thursday 14 August 2014</c>, <c>Thursday, September 16, 2010</c>, <c>2025-10-09</c>.
/// </summary>
public static partial class DateLineParser
{
    public readonly record struct DateLine(DateOnly Date, DayOfWeek? StatedWeekday)
    {
        /// <summary>True when the line names a weekday that the date does not fall on.</summary>
        public bool WeekdayMismatch => StatedWeekday is { } d && d != Date.DayOfWeek;
    }

    private const string Weekday = @"(?:(?<wd>mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?";
    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Day = @"(?<day>\d{1,2})(?:st|nd|rd|th)?";

    [GeneratedRegex("^" + Weekday + Day + @"\s+" + Month + @",?\s+(?<year>\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex("^" + Weekday + Month + @"\s+" + Day + @",?\s+(?<year>\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    public static bool TryParse(string line, out DateLine result)
    {
        result = default;
        // Cheap rejection first: this runs on every line of every seed.
        if (line.Length is < 8 or > 40 || !char.IsAsciiLetterOrDigit(line[0])) return false;

        var m = Iso().Match(line);
        if (m.Success)
        {
            if (!TryDate(m.Groups["year"].Value, int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value, out var iso)) return false;
            result = new DateLine(iso, null);
            return true;
        }
        m = DayMonthYear().Match(line);
        if (!m.Success) m = MonthDayYear().Match(line);
        if (!m.Success) return false;
        if (!TryDate(m.Groups["year"].Value, MonthNumber(m.Groups["month"].Value), m.Groups["day"].Value, out var date)) return false;
        result = new DateLine(date, m.Groups["wd"].Success ? WeekdayOf(m.Groups["wd"].Value) : null);
        return true;
    }

    public static bool IsDateLine(string line) => TryParse(line, out _);

    /// <summary>Month number for an English month name or abbreviation, or 0.</summary>
    public static int MonthNumber(string name)
    {
        if (name.Length < 3) return 0;
        return name[..3].ToLowerInvariant() switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => 0,
        };
    }

    private static bool TryDate(string year, int month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2200 || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month)) return false;
        date = new DateOnly(y, month, d);
        return true;
    }

    private static DayOfWeek WeekdayOf(string stem) => stem.ToLowerInvariant() switch
    {
        "mon" => DayOfWeek.Monday,
        "tues" => DayOfWeek.Tuesday,
        "wednes" => DayOfWeek.Wednesday,
        "thurs" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "satur" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };
}
