using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

public class MarkdownHtmlTests
{
    private static readonly MarkdownHtml Markdown = new(new LinkPolicy(new SiteUrls(new SiteOptions { BasePath = "/repo/" })));

    private static string Render(string markdown, bool userContent = false) => Markdown.Render(markdown, headingFloor: 2, userContent);

    [Theory]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](&#106;avascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](<java\tscript:alert(1)>)", "<p>x</p>\n")]
    [InlineData("[x](&#106;avascript:alert(1))\n<javascript:alert(2)> [e](data:x)", "<p>x\njavascript:alert(2) e</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("![pic](javascript:alert(1))", "<p>pic</p>\n")]
    [InlineData("[x](data:text/html,hi)", "<p>x</p>\n")]
    public void RefusedLinksBecomeTheirText(string markdown, string html) => Assert.Equal(html, Render(markdown));

    [Fact]
    public void RawHtmlStaysText()
    {
        var html = Render("<script>alert(1)</script> <img src=x onerror=alert(2)>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void WebLinksSurviveAndSitePathsGetTheBasePath()
    {
        Assert.Equal("<p><a href=\"https://example.org/\">a</a> <a href=\"/repo/2025/10/\">b</a></p>\n",
            Render("[a](https://example.org/) [b](/2025/10/)"));
        Assert.Equal("<p><a href=\"https://example.org/x\">https://example.org/x</a></p>\n", Render("<https://example.org/x>"));
    }

    [Fact]
    public void ReadersLinksAreMarkedUserContent() =>
        Assert.Contains("rel=\"nofollow ugc\"", Render("<https://example.org/x>", userContent: true));

    [Fact]
    public void HeadingsStayBelowThePageHeading() =>
        Assert.Equal("<h2>Top</h2>\n<h3>Next</h3>\n", Render("# Top\n\n## Next"));

    [Fact]
    public void ReturnsPlainTextOfTheSameParse() =>
        Assert.Equal("Hello world\n\nlink", Markdown.Render("Hello *world*\n\n[link](javascript:x)", 2, false, withText: true).Text);
}
