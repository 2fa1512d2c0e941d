using System.Globalization;

namespace Archivist.Content;

/// <summary>
/// Where dated posts live, e.g. Blogger's <c>/{yyyy}/{mm}/{slug}.html</c>. Undated posts always live
/// at <c>/undated/{slug}.html</c>. Placeholders: <c>{yyyy}</c>, <c>{mm}</c>, <c>{dd}</c>, <c>{slug}</c>.
/// </summary>
public sealed record PermalinkPattern
{
    public const string BloggerPattern = "/{yyyy}/{mm}/{slug}.html";
    public const string UndatedFolder = "undated";

    public static PermalinkPattern Blogger { get; } = new(BloggerPattern);

    public string Pattern { get; }

    private PermalinkPattern(string pattern) => Pattern = pattern;

    public static bool TryParse(string pattern, out PermalinkPattern? result, out string? error)
    {
        result = null;
        error = null;
        if (!pattern.StartsWith('/') || !pattern.EndsWith(".html", StringComparison.Ordinal))
            error = "must start with '/' and end with '.html'";
        else if (!pattern.Contains("{slug}", StringComparison.Ordinal))
            error = "must contain {slug}";
        else if (pattern.Contains("..", StringComparison.Ordinal) || pattern.Contains('\\') || pattern.Contains("//", StringComparison.Ordinal))
            error = "must not contain '..', '\\' or '//'";
        else
        {
            var rest = pattern.Replace("{yyyy}", "").Replace("{mm}", "").Replace("{dd}", "").Replace("{slug}", "");
            if (rest.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '/' or '-' or '_' or '.')))
                error = "may only hold lower-case letters, digits, '/', '-', '_', '.' and the placeholders {yyyy} {mm} {dd} {slug}";
            // A placeholder is never empty, and a slug is never reserved, so only the pattern's own letters can make a reserved name.
            else if (WindowsNames.AnyReserved(pattern.Replace("{yyyy}", "2025").Replace("{mm}", "01").Replace("{dd}", "01").Replace("{slug}", "x")))
                error = "must not name a folder or file as Windows cannot (con, prn, aux, nul, com0-9, lpt0-9, or one ending in '.')";
        }
        if (error is not null) return false;
        result = new PermalinkPattern(pattern);
        return true;
    }

    public string Format(DateOnly? date, string slug) => date is { } d
        ? Pattern.Replace("{yyyy}", d.Year.ToString("D4", CultureInfo.InvariantCulture))
            .Replace("{mm}", d.Month.ToString("D2", CultureInfo.InvariantCulture))
            .Replace("{dd}", d.Day.ToString("D2", CultureInfo.InvariantCulture))
            .Replace("{slug}", slug)
        : $"/{UndatedFolder}/{slug}.html";
}
