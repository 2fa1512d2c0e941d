using Archivist.Tests.Support;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.EndToEnd.Support;

/// <summary>
/// The five real seeds built with the real templates and <c>archivist.yml</c>, as a publisher builds them,
/// and served like GitHub Pages. Built once per test class that asks (xUnit class fixture).
/// </summary>
public abstract class PublishedSite : IDisposable
{
    private readonly TestSite _site = new();
    private readonly Lazy<StaticSiteServer> _server;

    protected PublishedSite(string basePath)
    {
        BasePath = basePath;
        foreach (var seed in Directory.EnumerateFiles(RepoPaths.Seeds))
            File.Copy(seed, Path.Combine(_site.Seeds, Path.GetFileName(seed)));
        _site.Options = SiteOptionsLoader.Load(RepoPaths.Combine("archivist.yml"), PageKinds.Reserved, new SiteOptionOverrides
        {
            BasePath = basePath,
            SiteUrl = "https://example.github.io" + basePath,
            // Twelve posts fit on one home page at the file's ten a page; at five there is a /page/1/ to follow.
            PostsPerPage = "5",
        });
        _site.Build();
        _server = new Lazy<StaticSiteServer>(() => new StaticSiteServer(_site.Output, basePath));
    }

    /// <summary>The URL path the site lives under: "/" at a domain root, "/repo/" for a project page.</summary>
    public string BasePath { get; }

    /// <summary>The built site's folder.</summary>
    public string Output => _site.Output;

    /// <summary>The running server (started on first use).</summary>
    public StaticSiteServer Server => _server.Value;

    /// <summary>The absolute URL of a site path such as "archive/" or "2025/10/clash-of-cultures.html".</summary>
    public string Url(string sitePath = "") => Server.BaseUrl + sitePath.TrimStart('/');

    /// <summary>Every generated file, relative to the output folder with '/' separators (bookkeeping excluded).</summary>
    public IReadOnlyList<string> Files(string extension) =>
        _site.Files().Keys.Where(p => p.EndsWith(extension, StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        if (_server.IsValueCreated) _server.Value.Dispose();
        _site.Dispose();
    }
}

/// <summary>The seeds' site at a domain root.</summary>
public sealed class RootSite() : PublishedSite("/");

/// <summary>The seeds' site as a GitHub Pages project page, under <c>/repo/</c>.</summary>
public sealed class ProjectSite() : PublishedSite("/repo/");
