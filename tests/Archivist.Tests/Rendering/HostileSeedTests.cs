using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>
/// Seeds written by an attacker: nothing in them may become markup, script, an event handler, a
/// non-web link, or a file outside the output folder. Every page of the built site is checked.
/// </summary>
public class HostileSeedTests : IDisposable
{
    private readonly TestSite _site = new();

    public HostileSeedTests()
    {
        _site.Options = _site.Options with { BasePath = "/repo/", SiteUrl = "https://example.org/repo/" };
        _site.AddSeed("hostile.txt", File.ReadAllText(Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures", "markup-is-text.txt")));
        _site.AddSeed("hostile.md", """
            ---
            title: "<script>alert('t')</script> {{title}} {{{raw}}} &amp; \" onmouseover=\"alert(1)"
            date: 2025-10-01
            slug: ../../escape
            url: /../../../evil.html
            comments:
            - id: c1
              text: "[c](javascript:alert(9)) <img src=x onerror=alert(10)> <https://example.com/ok>"
            ---

            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<java	script:alert(1)>) [d](&#106;avascript:alert(1))
            <javascript:alert(2)> [e](data:text/html;base64,PHNjcmlwdD4=) [f](vbscript:x) ![g](javascript:alert(3))
            <img src=x onerror=alert(4)> <script>alert(5)</script> <a href="javascript:alert(6)">h</a>
            [proto](//evil.example/x) [ok](https://example.com/) [mail](mailto:a@example.com) [site](/2025/10/)
            {{constructor.constructor('alert(7)')()}}

            # A heading in a post body
            """);
        _site.Build();
    }

    public void Dispose() => _site.Dispose();

    private IEnumerable<(string Path, IDocument Document)> Pages() =>
        _site.Files().Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => (f.Key, (IDocument)new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(f.Value))));

    [Fact]
    public void NoScriptComesFromSeedText()
    {
        foreach (var (path, document) in Pages())
        {
            foreach (var script in document.QuerySelectorAll("script"))
            {
                var type = script.GetAttribute("type");
                Assert.True(type is "application/ld+json" or "module", $"{path}: unexpected script element {script.OuterHtml}");
                if (type == "module") Assert.Contains(script.GetAttribute("src"), (string[])["/repo/assets/search/search-ui.js", "/repo/assets/search/highlight.js"]);
                else JsonDocument.Parse(script.TextContent).Dispose(); // well-formed JSON, never cut short by a "</script>"
            }
        }
    }

    [Fact]
    public void NoEventHandlerAttributes()
    {
        foreach (var (path, document) in Pages())
            foreach (var element in document.All)
                foreach (var attribute in element.Attributes)
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}");
    }

    [Fact]
    public void OnlyWebLinksAndSitePaths()
    {
        foreach (var (path, document) in Pages())
        {
            foreach (var element in document.QuerySelectorAll("[href], [src], [action]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("action")!;
                Assert.True(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)
                    || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith("/repo/", StringComparison.Ordinal)
                    || url.StartsWith('#'), $"{path}: {element.TagName} links to '{url}'");
            }
        }
    }

    [Fact]
    public void HostileTextIsShownAsText()
    {
        var page = Pages().Single(p => p.Document.QuerySelector("h1")?.TextContent.Contains("alert('t')") == true);
        Assert.Equal("<script>alert('t')</script> {{title}} {{{raw}}} &amp; \" onmouseover=\"alert(1)", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("<script>alert('t')</script>", page.Document.Title);
        var body = page.Document.QuerySelector("[data-passage=body]")!;
        Assert.Contains("<img src=x onerror=alert(4)>", body.TextContent);
        Assert.Contains("{{constructor.constructor('alert(7)')()}}", body.TextContent);
        Assert.Equal(["https://example.com/", "mailto:a@example.com", "/repo/2025/10/"], body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("h2", body.QuerySelector("h2")?.TagName.ToLowerInvariant());
        var comment = page.Document.QuerySelector("[data-passage=c1]")!;
        Assert.Equal(["https://example.com/ok"], comment.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void FrontMatterCannotPlaceFilesOutsideTheOutput()
    {
        Assert.False(File.Exists(Path.Combine(_site.Root, "evil.html")));
        Assert.False(File.Exists(Path.Combine(_site.Root, "escape.html")));
        Assert.All(_site.Files().Keys, path => Assert.DoesNotContain("..", path));
        Assert.True(_site.Exists("2025/10/escape.html"));
    }

    [Fact]
    public void FeedAndSitemapStayWellFormed()
    {
        var feed = System.Xml.Linq.XDocument.Parse(_site.Read("feed.xml"));
        Assert.Contains(feed.Descendants(), e => e.Name.LocalName == "title" && e.Value.StartsWith("<script>", StringComparison.Ordinal));
        System.Xml.Linq.XDocument.Parse(_site.Read("sitemap.xml"));
    }
}
