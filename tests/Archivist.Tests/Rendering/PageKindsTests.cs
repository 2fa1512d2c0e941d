using Archivist.Content;
using Archivist.Rendering;

namespace Archivist.Tests.Rendering;

/// <summary>
/// The page kinds' registry: the paths it keeps from posts, and a post's URL decided once, knowing them
/// (<see cref="PermalinkAssigner"/> handed <see cref="PageKinds.Reserved"/>, as the builder hands it).
/// </summary>
public class PageKindsTests
{
    [Theory]
    [InlineData("index.html")]
    [InlineData("404.html")]
    [InlineData("feed.xml")]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    [InlineData(".nojekyll")]
    [InlineData("2025/index.html")]
    [InlineData("2025/10/index.html")]
    [InlineData("2025/10/index.md")]
    [InlineData("2025/10/INDEX.html")]
    [InlineData("archive/x.html")]
    [InlineData("page/2/index.html")]
    [InlineData("assets/site.css")]
    [InlineData("search-index/x.json")]
    [InlineData("undated/index.html")]
    public void SitePagesAreReserved(string path) => Assert.True(PageKinds.Reserved.IsReserved(path));

    [Theory]
    [InlineData("2025/10/clash-of-cultures.html")]
    [InlineData("undated/a-post.html")]
    [InlineData("2025/10/index-post.html")]
    [InlineData("archive.html")]
    [InlineData("2025/10/archive.html")]
    [InlineData("20255/index.html")]
    public void PostPathsAreNot(string path) => Assert.False(PageKinds.Reserved.IsReserved(path));

    [Fact]
    public void EveryKindHasItsOwnName() =>
        Assert.Equal(PageKinds.All.Count, PageKinds.All.Select(k => k.Name).Distinct().Count());

    [Fact]
    public void OnlyThePostPagesWaitForRelatedPosts() =>
        Assert.Equal(["post"], PageKinds.All.Where(k => k.ShowsRelatedPosts).Select(k => k.Name));

    [Fact]
    public void AKindThatShowsRelatedPostsCannotBeInTheSitemapPlannedBeforeThem()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SitePlan.WithoutRelated(null!, [], "templates", [new ListedRelatedKind()]));
        Assert.Contains("'listed-related'", e.Message);
    }

    private sealed class ListedRelatedKind : PageKind
    {
        public override string Name => "listed-related";
        public override bool ShowsRelatedPosts => true;
        public override bool InSitemap => true;
        public override IEnumerable<PageJob> Plan(SiteInput site) => [];
    }

    [Fact]
    public void TheSettingsMessageNamesTheReservedFoldersFromTheKinds() =>
        Assert.Equal(["/page/", "/archive/", "/most-discussed/", "/search/", "/search-index/", "/about/", "/assets/"], PageKinds.Reserved.Folders);

    [Fact]
    public void APostOnASitePageGetsAnotherUrlWithAWarning()
    {
        var diagnostics = new List<Diagnostic>();
        var placed = Assign([Composed("Index", new DateOnly(2025, 10, 1), "a.txt"), Composed("Other", new DateOnly(2025, 10, 2), "b.txt")], diagnostics);
        Assert.Equal(["/2025/10/index-post.html", "/2025/10/other.html"], placed.Select(p => p.Url));
        Assert.Equal("index-post", placed[0].Slug);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("a.txt", warning.File);
        Assert.Equal(3, warning.Line);
        Assert.Contains("/2025/10/index.html", warning.Message);
        Assert.Contains("/2025/10/index-post.html", warning.Message);
    }

    [Fact]
    public void ARequestedUrlOnASitePageGetsAnotherUrlWithAWarning()
    {
        var diagnostics = new List<Diagnostic>();
        var post = Assign([Composed("Not found", new DateOnly(2025, 10, 1), "a.md") with { RequestedUrl = "/404.html" }], diagnostics).Single();
        Assert.Equal("/2025/10/404-post.html", post.Url);
        Assert.Contains("/404.html", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void TwoPostsOnTheSameSitePageAreNumberedAfterTheMove()
    {
        var diagnostics = new List<Diagnostic>();
        var placed = Assign([Composed("Index", new DateOnly(2025, 10, 1), "a.txt"), Composed("Index", new DateOnly(2025, 10, 2), "b.txt")], diagnostics);
        Assert.Equal(["/2025/10/index-post.html", "/2025/10/index-post-2.html"], placed.Select(p => p.Url));
        Assert.Equal(2, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void WithoutReservedPathsAPostMayTakeAnyUrl()
    {
        var post = PermalinkAssigner.Assign([Composed("Index", new DateOnly(2025, 10, 1), "a.txt")], PermalinkPattern.Blogger, ReservedPaths.None, new List<Diagnostic>()).Single();
        Assert.Equal("/2025/10/index.html", post.Url);
    }

    [Fact]
    public void AssigningEndsEvenWhenEveryCandidateIsReserved()
    {
        // Settings refuse such a pattern; the loop must still end if one ever reaches it.
        Assert.True(PermalinkPattern.TryParse("/archive/{slug}.html", out var pattern, out _));
        Assert.Equal("/archive/a-post.html", PageKinds.Reserved.Covers(pattern!));
        var e = Assert.Throws<ArgumentException>(() =>
            PermalinkAssigner.Assign([Composed("Any", new DateOnly(2025, 10, 1), "a.txt")], pattern!, PageKinds.Reserved, new List<Diagnostic>()));
        Assert.Contains("/archive/{slug}.html", e.Message);
    }

    private static IReadOnlyList<Post> Assign(IReadOnlyList<IncomingPost> posts, List<Diagnostic> diagnostics) =>
        PermalinkAssigner.Assign(posts, PermalinkPattern.Blogger, PageKinds.Reserved, diagnostics).OrderBy(p => p.Date).ToList();

    private static IncomingPost Composed(string title, DateOnly? date, string file) =>
        new(new Post { Title = title, Date = date, Slug = "", Url = "", Sources = new[] { file }, Text = PostText.Empty }, (file, 3));
}
