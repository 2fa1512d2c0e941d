using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archivist.Tests.EndToEnd.Support;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// Every internal link of the seeds' site resolves: each <c>href</c>, <c>src</c>, form <c>action</c>, search
/// data attribute, Open Graph and JSON-LD URL points at a generated file, and each <c>#fragment</c> at an element
/// of that page, at a domain root and under a project base path. <c>404.html</c> is checked as GitHub Pages
/// serves it: at a deep URL that does not exist.
/// </summary>
public abstract class LinkTests(PublishedSite site)
{
    private const string Host = "https://example.github.io";
    private readonly Dictionary<string, IDocument> _documents = new(StringComparer.Ordinal);

    [Fact]
    public void EveryInternalLinkAndFragmentResolvesToAGeneratedFile()
    {
        var pages = site.Files(".html");
        Assert.True(pages.Count >= 20, "the seeds' site has every kind of page");
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            // GitHub Pages serves 404.html in place of any missing URL, however deep.
            var pageUrl = new Uri(Host + site.BasePath + (page == "404.html" ? "no/such/folder/missing.html" : page));
            var document = Document(page);
            foreach (var (what, value) in Links(document))
            {
                var problem = Check(page, document, pageUrl, value);
                checkedLinks++;
                if (problem is not null) broken.Add($"{page}: {what}=\"{value}\": {problem}");
            }
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s) of {checkedLinks}:\n" + string.Join('\n', broken.Take(50)));
        Assert.True(checkedLinks > 500, $"only {checkedLinks} links were found: the checker is not seeing the pages");
    }

    [Fact]
    public void CommentPermalinksPointAtTheirComments()
    {
        var post = Document("2025/10/clash-of-cultures.html");
        var permalinks = post.QuerySelectorAll("a[href*='#c']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(permalinks, h => h.EndsWith("#c1-6", StringComparison.Ordinal));
        Assert.All(permalinks, h => Assert.NotNull(post.GetElementById(h[(h.IndexOf('#') + 1)..])));
    }

    /// <summary>Each URL-valued attribute, plus the URLs inside JSON-LD, with where it was found.</summary>
    private static IEnumerable<(string What, string Value)> Links(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[href], [src], form[action], [data-base], [data-index]"))
            foreach (var name in new[] { "href", "src", "action", "data-base", "data-index" })
                if (element.GetAttribute(name) is { } value)
                    // The search client reads the index's entry file from the folder data-index names.
                    yield return ($"<{element.LocalName} {name}", name == "data-index" ? value + Archivist.Search.Format.IndexFiles.Entry : value);
        foreach (var meta in document.QuerySelectorAll("meta[property='og:url'], meta[property='og:image']"))
            yield return ($"<meta {meta.GetAttribute("property")}", meta.GetAttribute("content")!);
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            foreach (var url in JsonLdUrls(JsonDocument.Parse(script.TextContent).RootElement))
                yield return ("JSON-LD", url);
    }

    private static IEnumerable<string> JsonLdUrls(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "url" or "@id" or "mainEntityOfPage")
                        yield return property.Value.GetString()!;
                    foreach (var url in JsonLdUrls(property.Value)) yield return url;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var url in JsonLdUrls(item)) yield return url;
                break;
        }
    }

    /// <returns>Null when the link resolves, else what is wrong.</returns>
    private string? Check(string page, IDocument document, Uri pageUrl, string value)
    {
        if (!Uri.TryCreate(pageUrl, value, out var url)) return "not a URL";
        if (url.Scheme is "mailto") return null;
        if (url.Scheme is not ("http" or "https")) return $"scheme {url.Scheme} is never emitted";
        if (url.GetLeftPart(UriPartial.Authority) != Host) return null; // outside the site: not ours to check
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        if (!path.StartsWith(site.BasePath, StringComparison.Ordinal)) return $"leaves the base path {site.BasePath}";
        var file = path[site.BasePath.Length..];
        if (file.Length == 0 || file.EndsWith('/')) file += "index.html";
        var sameDocument = url.GetLeftPart(UriPartial.Path) == pageUrl.GetLeftPart(UriPartial.Path);
        if (!sameDocument && !File.Exists(Path.Combine(site.Output, file))) return $"no generated file {file}";
        var fragment = Uri.UnescapeDataString(url.Fragment.TrimStart('#'));
        if (fragment.Length == 0) return null;
        var target = sameDocument ? document : file.EndsWith(".html", StringComparison.Ordinal) ? Document(file) : null;
        if (target is null) return $"#{fragment} on a file that is not a page";
        return target.GetElementById(fragment) is null ? $"no element with id \"{fragment}\" in {(sameDocument ? page : file)}" : null;
    }

    private IDocument Document(string file)
    {
        if (!_documents.TryGetValue(file, out var document))
            _documents[file] = document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, file)));
        return document;
    }
}

public sealed class LinksAtTheDomainRoot(RootSite site) : LinkTests(site), IClassFixture<RootSite>;

public sealed class LinksUnderAProjectBasePath(ProjectSite site) : LinkTests(site), IClassFixture<ProjectSite>;
