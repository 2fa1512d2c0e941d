using System.Text;
using System.Text.RegularExpressions;

namespace Archivist.Content;

/// <summary>
/// Output paths no post may take because the site's own pages use them, as patterns over site paths:
/// <c>/404.html</c>, <c>/archive/*</c>, <c>/{yyyy}/{mm}/index.*</c>. <c>*</c> stands for any text, <c>{yyyy}</c>
/// for four digits and <c>{mm}</c> for two; case is ignored, as a case-insensitive file system would. The
/// rendering stage's page kinds declare them and the builder hands them to <see cref="PermalinkAssigner"/>, so a
/// post's URL is decided once, knowing them.
/// </summary>
public sealed class ReservedPaths
{
    private readonly Regex? _match;

    public ReservedPaths(IEnumerable<string> patterns)
    {
        Patterns = patterns.ToList();
        if (Patterns.Count > 0)
            _match = new Regex("^(?:" + string.Join("|", Patterns.Select(ToRegex)) + ")$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline);
    }

    /// <summary>Nothing reserved: Markdown documents written on their own (<c>import</c>), with no site around them.</summary>
    public static ReservedPaths None { get; } = new([]);

    public IReadOnlyList<string> Patterns { get; }

    /// <summary>The folders reserved whole (<c>/archive/</c>), in the order declared: what settings messages name.</summary>
    public IEnumerable<string> Folders => Patterns.Where(p => p.EndsWith("/*", StringComparison.Ordinal)).Select(p => p[..^1]);

    /// <summary>Whether an output file (<c>2025/10/index.html</c>, no leading slash) is the site's own.</summary>
    public bool IsReserved(string file) => _match is not null && _match.IsMatch("/" + file);

    /// <summary>Whether a post at <paramref name="url"/> would take a reserved path with its page or its Markdown document beside it.</summary>
    public bool Clashes(string url) => IsReserved(url.TrimStart('/')) || IsReserved(ContentAssembler.DocumentPath(url));

    /// <summary>
    /// The reserved path an ordinary post would get under <paramref name="pattern"/>, or null when ordinary posts
    /// land on free paths. Slugs only vary after the pattern's fixed text, so a sample slug stands for all.
    /// </summary>
    public string? Covers(PermalinkPattern pattern)
    {
        var sample = pattern.Format(new DateOnly(2025, 10, 9), "a-post");
        return Clashes(sample) ? sample : null;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*') regex.Append(".*");
            else if (string.CompareOrdinal(pattern, i, "{yyyy}", 0, 6) == 0) { regex.Append("[0-9]{4}"); i += 5; }
            else if (string.CompareOrdinal(pattern, i, "{mm}", 0, 4) == 0) { regex.Append("[0-9]{2}"); i += 3; }
            else regex.Append(Regex.Escape(pattern[i].ToString()));
        }
        return regex.ToString();
    }
}
