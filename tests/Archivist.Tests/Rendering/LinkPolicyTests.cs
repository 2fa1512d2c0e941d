using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

public class LinkPolicyTests
{
    private static readonly LinkPolicy Policy = new(new SiteUrls(new SiteOptions { BasePath = "/repo/" }));

    [Theory]
    [InlineData("https://example.org/a?b=c#d", "https://example.org/a?b=c#d")]
    [InlineData("http://example.org", "http://example.org")]
    [InlineData("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/")]
    [InlineData("mailto:someone@example.org", "mailto:someone@example.org")]
    [InlineData("/2025/10/x.html", "/repo/2025/10/x.html")]
    [InlineData("#c3-2", "#c3-2")]
    public void AllowsWebLinksSitePathsAndAnchors(string url, string expected) => Assert.Equal(expected, Policy.Allow(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("relative/path.html")]
    [InlineData("http:")]
    [InlineData("https:///nohost")]
    [InlineData("mailto:")]
    [InlineData("#\"onmouseover=alert(1)")]
    [InlineData("")]
    public void RefusesEverythingElse(string url) => Assert.Null(Policy.Allow(url));
}
