using System.Globalization;
using System.Text.RegularExpressions;
using Archivist.Content;
using Archivist.Seeds;
using YamlDotNet.RepresentationModel;
using Archivist.Files;

namespace Archivist.Settings;

/// <summary>
/// Settings given on the command line (<c>--title</c>, <c>--posts-per-page</c>…); each one, when set, wins over
/// <c>archivist.yml</c> and is checked exactly like the file's value. Values are text, as typed.
/// </summary>
public sealed record SiteOptionOverrides
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Author { get; init; }
    public string? SiteUrl { get; init; }
    public string? BasePath { get; init; }
    public string? PostsPerPage { get; init; }
    public string? Permalink { get; init; }
    public string? Language { get; init; }
    public string? SearchFragments { get; init; }

    /// <summary>The given flags as (settings key, value), in the file's key order.</summary>
    public IEnumerable<(string Key, string Value)> Given()
    {
        (string, string?)[] all =
        [
            ("title", Title), ("description", Description), ("author", Author), ("site_url", SiteUrl), ("base_path", BasePath),
            ("posts_per_page", PostsPerPage), ("permalink", Permalink), ("language", Language), ("search_fragments", SearchFragments),
        ];
        return all.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!));
    }
}

public sealed class SiteOptionsException(string message) : Exception(message);

/// <summary>
/// Reads <c>archivist.yml</c> (snake_case keys) into <see cref="SiteOptions"/>, then applies the command-line
/// flags. An unknown key or a bad value is an error naming the key (and the file and line, or the flag),
/// never a silent default. No file means defaults.
/// </summary>
public static partial class SiteOptionsLoader
{
    public const string FileName = "archivist.yml";

    public static readonly IReadOnlyList<string> Keys =
        ["title", "description", "author", "site_url", "base_path", "posts_per_page", "permalink", "language", "search_fragments", "about"];

    /// <summary>The flag that overrides a settings key: <c>posts_per_page</c> → <c>--posts-per-page</c>.</summary>
    public static string FlagOf(string key) => "--" + key.Replace('_', '-');

    [GeneratedRegex(@"^/(?:[A-Za-z0-9._~-]+/)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeBasePath();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    /// <summary>A raw value and how to name it in an error: "archivist.yml:3: setting 'title'" or "--title".</summary>
    private readonly record struct Given(string Value, string Subject);

    /// <param name="reserved">Where the site's own pages are (Rendering's page kinds, handed down by the caller): a
    /// permalink pattern under one of them is refused here, naming the setting, rather than moving every post later.</param>
    public static SiteOptions Load(string? path, ReservedPaths reserved, SiteOptionOverrides? overrides = null)
    {
        var given = path is not null && File.Exists(path) ? ParseRaw(ReadText(path), path) : [];
        return Apply(given, path ?? FileName, reserved, overrides ?? new SiteOptionOverrides());
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SiteOptionsException($"{Display(path)}: cannot read the settings file ({e.Message})");
        }
    }

    /// <summary>Parses settings text; <paramref name="file"/> names it in errors and anchors a relative <c>about</c> path.</summary>
    public static SiteOptions Parse(string yaml, string file, ReservedPaths reserved, SiteOptionOverrides? overrides = null) =>
        Apply(ParseRaw(yaml, file), file, reserved, overrides ?? new SiteOptionOverrides());

    /// <summary>The file's values by key, checked for shape only (known key, a single value).</summary>
    private static Dictionary<string, Given> ParseRaw(string yaml, string file)
    {
        YamlStream stream;
        try
        {
            stream = SafeYaml.Load(yaml);
        }
        catch (YamlReadException e)
        {
            throw new SiteOptionsException($"{Display(file)}:{e.Line}: not valid YAML ({e.Message})");
        }
        var given = new Dictionary<string, Given>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return given;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SiteOptionsException($"{Display(file)}:1: settings must be a mapping of 'key: value' lines");

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var where = $"{Display(file)}:{keyNode.Start.Line}";
            if (!Keys.Contains(key))
                throw new SiteOptionsException($"{where}: unknown setting '{key}' (known settings: {string.Join(", ", Keys)})");
            if (valueNode is not YamlScalarNode scalar)
                throw new SiteOptionsException($"{where}: setting '{key}' must be a single value, not a list or mapping");
            given[key] = new Given(scalar.Value ?? "", $"{where}: setting '{key}'");
        }
        return given;
    }

    /// <summary>Flags replace the file's values, then every value is checked the same way whichever it came from.</summary>
    private static SiteOptions Apply(Dictionary<string, Given> fromFile, string file, ReservedPaths reserved, SiteOptionOverrides overrides)
    {
        var given = new Dictionary<string, Given>(fromFile, StringComparer.Ordinal);
        foreach (var (key, value) in overrides.Given()) given[key] = new Given(value, FlagOf(key));

        var options = new SiteOptions();
        foreach (var (key, (value, subject)) in given)
        {
            // Shown on every page and in the feed, whose XML cannot hold them; the settings are the owner's to fix, as any bad value.
            var forbidden = new List<int>();
            if (TextNormalizer.CleanValue(value, forbidden) != value && forbidden.Count > 0)
                throw new SiteOptionsException($"{subject} holds characters that XML and HTML forbid ({TextNormalizer.Describe(forbidden)}); remove them");
            options = key switch
            {
                "title" => options with { Title = RequireText(value, subject) },
                "description" => options with { Description = value.Trim() },
                "author" => options with { Author = value.Trim() },
                "posts_per_page" => options with { PostsPerPage = ParsePostsPerPage(value, subject) },
                "permalink" => options with { Permalink = ParsePermalink(value, subject, reserved) },
                "language" => options with { Language = ParseLanguage(value, subject) },
                "search_fragments" => options with { SearchFragments = ParseSwitch(value, subject) },
                "about" => options with { About = ReadAbout(value, file, subject) },
                _ => options, // site_url and base_path are checked together below
            };
        }
        var (siteUrl, basePath) = Address(given.TryGetValue("site_url", out var u) ? u : null, given.TryGetValue("base_path", out var b) ? b : null, overrides);
        return options with { SiteUrl = siteUrl, BasePath = basePath };
    }

    /// <summary>Site URL and base path, checked together: the site URL's path is the base path.</summary>
    private static (string SiteUrl, string BasePath) Address(Given? siteUrlGiven, Given? baseGiven, SiteOptionOverrides overrides)
    {
        var siteUrl = siteUrlGiven is { } u ? NormaliseSiteUrl(u.Value, u.Subject) : "";
        var basePath = baseGiven is not { } explicitBase
            ? (siteUrl.Length > 0 ? new Uri(siteUrl).AbsolutePath : "/")
            : NormaliseBasePath(explicitBase.Value, explicitBase.Subject);
        if (siteUrl.Length > 0 && new Uri(siteUrl).AbsolutePath != basePath)
        {
            // A flag given for one of the pair re-anchors the other rather than contradicting it.
            if (overrides.BasePath is not null && overrides.SiteUrl is null)
                siteUrl = new Uri(new Uri(siteUrl), basePath).ToString();
            else if (overrides.SiteUrl is not null && overrides.BasePath is null)
                basePath = new Uri(siteUrl).AbsolutePath;
            else
                throw new SiteOptionsException(
                    $"{baseGiven!.Value.Subject} '{basePath}' does not match the path of the site URL '{siteUrl}'; the site URL must be where the base path is served");
        }
        return (siteUrl, basePath);
    }

    public static string NormaliseBasePath(string value, string subject)
    {
        var trimmed = value.Trim();
        var path = "/" + trimmed.Trim('/') + "/";
        if (path == "//") path = "/";
        if (!SafeBasePath().IsMatch(path) || path.Split('/').Any(s => s is "." or ".."))
            throw new SiteOptionsException($"{subject} '{value}' is not a plain URL path like /repo/ (letters, digits, '.', '_', '~', '-' between slashes)");
        return path;
    }

    private static string NormaliseSiteUrl(string value, string subject)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return "";
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new SiteOptionsException($"{subject} '{value}' must be an absolute http:// or https:// URL such as https://user.github.io/repo/");
        var path = NormaliseBasePath(uri.AbsolutePath, subject);
        return new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort ? -1 : uri.Port, path).Uri.ToString();
    }

    private static string RequireText(string value, string subject) =>
        value.Trim() is { Length: > 0 } text ? text : throw new SiteOptionsException($"{subject} must not be empty");

    private static bool ParseSwitch(string value, string subject) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw new SiteOptionsException($"{subject} must be true or false, not '{value}'"),
    };

    private static int ParsePostsPerPage(string value, string subject) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
            ? n
            : throw new SiteOptionsException($"{subject} must be a whole number from 1 to 1000, not '{value}'");

    private static PermalinkPattern ParsePermalink(string value, string subject, ReservedPaths reserved)
    {
        if (!PermalinkPattern.TryParse(value.Trim(), out var pattern, out var error))
            throw new SiteOptionsException($"{subject} '{value}' {error}");
        // Under a folder the site's own pages use, every post would have to be moved off it (or overwrite them).
        if (reserved.Covers(pattern!) is { } clash)
        {
            var folders = reserved.Folders.ToList();
            throw new SiteOptionsException(
                $"{subject} '{value}' puts posts where the site's own pages are (a post would be at {clash}); choose a pattern outside " +
                $"{string.Join(", ", folders.SkipLast(1))} and {folders[^1]}, such as {PermalinkPattern.BloggerPattern}");
        }
        return pattern!;
    }

    private static string ParseLanguage(string value, string subject) =>
        LanguageTag().IsMatch(value.Trim())
            ? value.Trim()
            : throw new SiteOptionsException($"{subject} must be a language tag such as en-GB, not '{value}'");

    /// <summary>Either Markdown text, or (one line ending in .md) a file beside the settings file.</summary>
    private static string ReadAbout(string value, string file, string subject)
    {
        var trimmed = value.Trim();
        if (trimmed.Contains('\n') || !trimmed.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return trimmed;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var path = Path.Combine(folder, trimmed);
        if (!File.Exists(path))
            throw new SiteOptionsException($"{subject} names '{trimmed}', which does not exist (give Markdown text or a .md file beside {Path.GetFileName(file)})");
        // As seeds are read: a regular file inside the settings file's folder, never a path or link leading out of it.
        if (!CanonicalPath.IsSameOrInside(CanonicalPath.Of(path), CanonicalPath.Of(folder)) || !FileType.IsRegular(path))
            throw new SiteOptionsException($"{subject} names '{trimmed}', which is not a regular file inside the folder of {Path.GetFileName(file)} (a path or link leading out of it is not read)");
        var text = File.ReadAllText(path).Replace("\r\n", "\n").Trim();
        var forbidden = new List<int>();
        TextNormalizer.CleanValue(text, forbidden);
        if (forbidden.Count > 0)
            throw new SiteOptionsException($"{subject} names '{trimmed}', which holds characters that XML and HTML forbid ({TextNormalizer.Describe(forbidden)}); remove them");
        return text;
    }

    private static string Display(string file) => Path.GetFileName(file) is { Length: > 0 } name ? name : file;
}
