using Archivist.Content;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

public class ReservedPathsTests
{
    [Theory]
    [InlineData("index.html")]
    [InlineData("404.html")]
    [InlineData("feed.xml")]
    [InlineData("2025/index.html")]
    [InlineData("2025/10/index.html")]
    [InlineData("2025/10/index.md")]
    [InlineData("archive/x.html")]
    [InlineData("assets/site.css")]
    [InlineData("search-index/x.json")]
    [InlineData("undated/index.html")]
    public void SitePagesAreReserved(string path) => Assert.True(ReservedPaths.IsReserved(path));

    [Theory]
    [InlineData("2025/10/clash-of-cultures.html")]
    [InlineData("undated/a-post.html")]
    [InlineData("2025/10/index-post.html")]
    public void PostPathsAreNot(string path) => Assert.False(ReservedPaths.IsReserved(path));

    [Fact]
    public void APostOnASitePageIsMovedWithAWarning()
    {
        var post = new Post { Title = "Index", Date = new DateOnly(2025, 10, 1), Slug = "index", Url = "/2025/10/index.html", Sources = new[] { "a.txt" }, Text = PostText.Empty };
        var other = post with { Title = "Other", Slug = "other", Url = "/2025/10/other.html" };
        var diagnostics = new List<Diagnostic>();
        var placed = ReservedPaths.Avoid([post, other], PermalinkPattern.Blogger, diagnostics);
        Assert.Equal("/2025/10/index-post.html", placed[0].Url);
        Assert.Same(other, placed[1]);
        Assert.Contains("/2025/10/index.html", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void RenamingEndsEvenWhenEveryCandidateIsReserved()
    {
        // Settings refuse such a pattern; the loop must still end if one ever reaches it.
        Assert.True(PermalinkPattern.TryParse("/archive/{slug}.html", out var pattern, out _));
        var post = new Post { Title = "Any", Date = new DateOnly(2025, 10, 1), Slug = "any", Url = "/archive/any.html", Sources = new[] { "a.txt" }, Text = PostText.Empty };
        var e = Assert.Throws<SiteOptionsException>(() => ReservedPaths.Avoid([post], pattern!, new List<Diagnostic>()));
        Assert.Contains("/archive/{slug}.html", e.Message);
    }
}
