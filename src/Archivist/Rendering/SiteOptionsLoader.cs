using System.Globalization;
using System.Text.RegularExpressions;
using Archivist.Content;
using Archivist.Seeds;
using YamlDotNet.RepresentationModel;

namespace Archivist.Rendering;

/// <summary>Settings given on the command line; each one, when set, wins over <c>archivist.yml</c>.</summary>
public sealed record SiteOptionOverrides
{
    public string? BasePath { get; init; }
    public string? SiteUrl { get; init; }
}

public sealed class SiteOptionsException(string message) : Exception(message);

/// <summary>
/// Reads <c>archivist.yml</c> (snake_case keys) into <see cref="SiteOptions"/>. An unknown key or a bad
/// value is an error naming the key (and the file and line), never a silent default. No file means defaults.
/// </summary>
public static partial class SiteOptionsLoader
{
    public const string FileName = "archivist.yml";

    public static readonly IReadOnlyList<string> Keys =
        ["title", "description", "author", "site_url", "base_path", "posts_per_page", "permalink", "language", "about"];

    [GeneratedRegex(@"^/(?:[A-Za-z0-9._~-]+/)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeBasePath();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    public static SiteOptions Load(string? path, SiteOptionOverrides? overrides = null)
    {
        var options = new SiteOptions();
        string? yamlBasePath = null;
        if (path is not null && File.Exists(path))
            (options, yamlBasePath) = ParseRaw(ReadText(path), path);
        return Apply(options, yamlBasePath, overrides ?? new SiteOptionOverrides());
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
    public static SiteOptions Parse(string yaml, string file, SiteOptionOverrides? overrides = null)
    {
        var (options, basePath) = ParseRaw(yaml, file);
        return Apply(options, basePath, overrides ?? new SiteOptionOverrides());
    }

    private static (SiteOptions Options, string? BasePath) ParseRaw(string yaml, string file)
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
        var options = new SiteOptions();
        string? basePath = null;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return (options, null);
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
            var value = scalar.Value ?? "";
            options = key switch
            {
                "title" => options with { Title = RequireText(key, value, where) },
                "description" => options with { Description = value.Trim() },
                "author" => options with { Author = value.Trim() },
                "site_url" => options with { SiteUrl = value.Trim() },
                "base_path" => options,
                "posts_per_page" => options with { PostsPerPage = ParsePostsPerPage(value, where) },
                "permalink" => options with { Permalink = ParsePermalink(value, where) },
                "language" => options with { Language = ParseLanguage(value, where) },
                "about" => options with { About = ReadAbout(value, file, where) },
                _ => options,
            };
            if (key == "base_path") basePath = value.Trim();
        }
        return (options, basePath);
    }

    /// <summary>Flags win; site URL and base path are then checked together (the site URL's path is the base path).</summary>
    private static SiteOptions Apply(SiteOptions options, string? yamlBasePath, SiteOptionOverrides overrides)
    {
        var siteUrl = NormaliseSiteUrl(overrides.SiteUrl ?? options.SiteUrl, overrides.SiteUrl is null ? "site_url" : "--site-url");
        var explicitBase = overrides.BasePath ?? yamlBasePath;
        var baseKey = overrides.BasePath is null ? "base_path" : "--base-path";
        var basePath = explicitBase is null
            ? (siteUrl.Length > 0 ? new Uri(siteUrl).AbsolutePath : "/")
            : NormaliseBasePath(explicitBase, baseKey);
        if (siteUrl.Length > 0 && new Uri(siteUrl).AbsolutePath != basePath)
        {
            // A flag given for one of the pair re-anchors the other rather than contradicting it.
            if (overrides.BasePath is not null && overrides.SiteUrl is null)
                siteUrl = new Uri(new Uri(siteUrl), basePath).ToString();
            else if (overrides.SiteUrl is not null && overrides.BasePath is null)
                basePath = new Uri(siteUrl).AbsolutePath;
            else
                throw new SiteOptionsException(
                    $"{baseKey} '{basePath}' does not match the path of the site URL '{siteUrl}'; the site URL must be where the base path is served");
        }
        return options with { SiteUrl = siteUrl, BasePath = basePath };
    }

    public static string NormaliseBasePath(string value, string key)
    {
        var trimmed = value.Trim();
        var path = "/" + trimmed.Trim('/') + "/";
        if (path == "//") path = "/";
        if (!SafeBasePath().IsMatch(path) || path.Split('/').Any(s => s is "." or ".."))
            throw new SiteOptionsException($"{key} '{value}' is not a plain URL path like /repo/ (letters, digits, '.', '_', '~', '-' between slashes)");
        return path;
    }

    private static string NormaliseSiteUrl(string value, string key)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return "";
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new SiteOptionsException($"{key} '{value}' must be an absolute http:// or https:// URL such as https://user.github.io/repo/");
        var path = NormaliseBasePath(uri.AbsolutePath, key);
        return new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort ? -1 : uri.Port, path).Uri.ToString();
    }

    private static string RequireText(string key, string value, string where) =>
        value.Trim() is { Length: > 0 } text ? text : throw new SiteOptionsException($"{where}: setting '{key}' must not be empty");

    private static int ParsePostsPerPage(string value, string where) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
            ? n
            : throw new SiteOptionsException($"{where}: setting 'posts_per_page' must be a whole number from 1 to 1000, not '{value}'");

    private static PermalinkPattern ParsePermalink(string value, string where) =>
        PermalinkPattern.TryParse(value.Trim(), out var pattern, out var error)
            ? pattern!
            : throw new SiteOptionsException($"{where}: setting 'permalink' '{value}' {error}");

    private static string ParseLanguage(string value, string where) =>
        LanguageTag().IsMatch(value.Trim())
            ? value.Trim()
            : throw new SiteOptionsException($"{where}: setting 'language' must be a language tag such as en-GB, not '{value}'");

    /// <summary>Either Markdown text, or (one line ending in .md) a file beside the settings file.</summary>
    private static string ReadAbout(string value, string file, string where)
    {
        var trimmed = value.Trim();
        if (trimmed.Contains('\n') || !trimmed.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return trimmed;
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", trimmed);
        if (!File.Exists(path))
            throw new SiteOptionsException($"{where}: setting 'about' names '{trimmed}', which does not exist (give Markdown text or a .md file beside {Path.GetFileName(file)})");
        return File.ReadAllText(path).Replace("\r\n", "\n").Trim();
    }

    private static string Display(string file) => Path.GetFileName(file) is { Length: > 0 } name ? name : file;
}
