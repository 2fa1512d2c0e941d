using System.Globalization;

namespace Archivist.Rendering;

/// <summary>Culture-independent date texts, so output never depends on the machine's locale.</summary>
public static class DisplayDates
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>Thursday, 9 October 2025</c>, as the blog writes its dates.</summary>
    public static string Long(DateOnly date) => date.ToString("dddd, d MMMM yyyy", Invariant);

    /// <summary><c>9 October 2025</c>.</summary>
    public static string Short(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    /// <summary><c>19 March 2011 at 10:42</c>, as Blogger showed a comment's time.</summary>
    public static string CommentTime(DateTime time) => time.ToString("d MMMM yyyy 'at' HH:mm", Invariant);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>RFC 3339 midnight UTC, for feeds and JSON-LD.</summary>
    public static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant) + "T00:00:00Z";

    public static string MonthName(int month) => Invariant.DateTimeFormat.GetMonthName(month);

    public static string MonthYear(int year, int month) => $"{MonthName(month)} {year.ToString(Invariant)}";

    public static string Two(int n) => n.ToString("D2", Invariant);

    public static string Four(int n) => n.ToString("D4", Invariant);
}
