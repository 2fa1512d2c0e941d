using Archivist.Settings;

namespace Archivist.Rendering;

/// <summary>
/// Turns site paths (<c>/2025/10/x.html</c>, always from the site root) into links. Every internal link is
/// absolute and carries the base path, so pages work at a domain root, under <c>/repo/</c>, and as
/// GitHub Pages' <c>404.html</c> served at any missing URL.
/// </summary>
public sealed class SiteUrls(SiteOptions options)
{
    /// <summary>Base path + site path: <c>/repo/2025/10/x.html</c>.</summary>
    public string Local(string sitePath) => options.BasePath + Trim(sitePath);

    /// <summary>The full URL (for canonical links, feeds, sitemaps), or null when no site URL is set.</summary>
    public string? Absolute(string sitePath) => options.SiteUrl.Length == 0 ? null : options.SiteUrl + Trim(sitePath);

    /// <summary>The full URL when known, else the local one (feeds need something to point at).</summary>
    public string AbsoluteOrLocal(string sitePath) => Absolute(sitePath) ?? Local(sitePath);

    /// <summary>The site path a file is served at: <c>2025/index.html</c> → <c>/2025/</c>.</summary>
    public static string PathOf(string outputFile) =>
        outputFile == "index.html" ? "/"
        : outputFile.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + outputFile[..^"index.html".Length]
        : "/" + outputFile;

    /// <summary>The output file for a site path: <c>/2025/</c> → <c>2025/index.html</c>.</summary>
    public static string FileOf(string sitePath) =>
        sitePath.EndsWith('/') ? Trim(sitePath) + "index.html" : Trim(sitePath);

    private static string Trim(string sitePath) => sitePath.StartsWith('/') ? sitePath[1..] : sitePath;
}
