using Archivist.Content;

namespace Archivist.Tests.Content;

public class PermalinkTests
{
    [Theory]
    [InlineData("It's Niche Jim!", "its-niche-jim")]
    [InlineData("OMiC is a failure!", "omic-is-a-failure")]
    [InlineData("Café Società — Ærø Straße", "cafe-societa-aero-strasse")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("中文", "post")]
    [InlineData("", "post")]
    public void SlugsArePlainLowerCaseWords(string title, string slug) => Assert.Equal(slug, Slugger.Slugify(title));

    [Fact]
    public void LongSlugsAreCutAtAWordBoundary()
    {
        var slug = Slugger.Slugify("Plans to re-professionalise probation service are urgently needed now");
        Assert.True(slug.Length <= Slugger.MaxLength);
        Assert.Equal("plans-to-re-professionalise-probation-service-are-urgently", slug);
    }

    [Fact]
    public void SameTitleInTheSameMonthGetsNumberedInDateOrder()
    {
        var posts = Assign(("Same Title", 7, "b.txt"), ("Same Title", 3, "a.txt"), ("Same Title", 20, "a.txt"));
        Assert.Equal(["/2025/10/same-title.html", "/2025/10/same-title-2.html", "/2025/10/same-title-3.html"],
            posts.OrderBy(p => p.Date).Select(p => p.Url));
    }

    [Fact]
    public void ANumberedSlugIsANoteNamingBothPosts()
    {
        var diagnostics = new List<Diagnostic>();
        PermalinkAssigner.Assign([Composed("Same Title", new DateOnly(2025, 10, 12), "b.txt", 5), Composed("Same Title", new DateOnly(2025, 10, 11), "a.txt", 9)],
            PermalinkPattern.Blogger, ReservedPaths.None, diagnostics);
        var note = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, "b.txt", 5), (note.Severity, note.File, note.Line));
        Assert.Contains("/2025/10/same-title-2.html", note.Message);
        Assert.Contains("a.txt:9", note.Message);
        Assert.Contains("slug:", note.Message);
    }

    [Fact]
    public void ANewerSameTitledPostNeverTakesAnOlderOnesUrl()
    {
        var before = Assign(("Same Title", 11, "b.txt"));
        var after = Assign(("Same Title", 11, "b.txt"), ("Same Title", 12, "a_new.txt"));
        Assert.Equal("/2025/10/same-title.html", before.Single().Url);
        Assert.Equal("/2025/10/same-title.html", after.Single(p => p.Date!.Value.Day == 11).Url);
        Assert.Equal("/2025/10/same-title-2.html", after.Single(p => p.Date!.Value.Day == 12).Url);
    }

    [Fact]
    public void UndatedSameTitledPostsAreNumberedByFileThenLine()
    {
        var posts = PermalinkAssigner.Assign(
            [Composed("No Date", null, "b.txt", 1), Composed("No Date", null, "a.txt", 30), Composed("No Date", null, "a.txt", 4)],
            PermalinkPattern.Blogger, ReservedPaths.None, new List<Diagnostic>());
        var urls = posts.ToDictionary(p => p.Body, p => p.Url);
        Assert.Equal("/undated/no-date.html", urls["a.txt:4"]);
        Assert.Equal("/undated/no-date-2.html", urls["a.txt:30"]);
        Assert.Equal("/undated/no-date-3.html", urls["b.txt:1"]);
    }

    [Fact]
    public void UndatedPostsLiveUnderUndated()
    {
        var post = PermalinkAssigner.Assign([Composed("No Date", null, "x.txt")], PermalinkPattern.Blogger, ReservedPaths.None, new List<Diagnostic>()).Single();
        Assert.Equal("/undated/no-date.html", post.Url);
    }

    [Theory]
    [InlineData("../../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    public void SlugOverridesCannotLeaveTheirFolder(string requested)
    {
        var diagnostics = new List<Diagnostic>();
        var post = PermalinkAssigner.Assign([Composed("T", new DateOnly(2025, 1, 2), "x.txt") with { RequestedSlug = requested }], PermalinkPattern.Blogger, ReservedPaths.None, diagnostics).Single();
        Assert.Matches("^/2025/01/[a-z0-9-]+\\.html$", post.Url);
        Assert.Contains(diagnostics, d => d.Message.Contains("not a plain slug"));
    }

    [Theory]
    [InlineData("/../../outside.html")]
    [InlineData("https://evil.example/x.html")]
    [InlineData("/a/./b.html")]
    [InlineData("//evil.example/x.html")]
    public void UnsafeUrlOverridesAreIgnored(string url)
    {
        var diagnostics = new List<Diagnostic>();
        var post = PermalinkAssigner.Assign([Composed("Title", new DateOnly(2025, 1, 2), "x.md") with { RequestedUrl = url }], PermalinkPattern.Blogger, ReservedPaths.None, diagnostics).Single();
        Assert.Equal("/2025/01/title.html", post.Url);
        Assert.Contains(diagnostics, d => d.Message.Contains("not a safe site path"));
    }

    [Theory]
    [InlineData("Nul", "nul-post")]
    [InlineData("COM1", "com1-post")]
    [InlineData("Aux.", "aux-post")]
    [InlineData("lpt9", "lpt9-post")]
    [InlineData("Con!", "con-post")]
    [InlineData("PRN", "prn-post")]
    [InlineData("Com", "com")]
    [InlineData("Console", "console")]
    [InlineData("Con Air", "con-air")]
    [InlineData("Nul Points", "nul-points")]
    public void NamesWindowsReservesGetASuffix(string title, string slug) => Assert.Equal(slug, Slugger.Slugify(title));

    [Fact]
    public void ARequestedWindowsNameGetsTheSuffixWithAWarning()
    {
        var diagnostics = new List<Diagnostic>();
        var post = PermalinkAssigner.Assign([Composed("T", new DateOnly(2025, 1, 2), "x.txt") with { RequestedSlug = "CON" }], PermalinkPattern.Blogger, ReservedPaths.None, diagnostics).Single();
        Assert.Equal("/2025/01/con-post.html", post.Url);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("con-post"));
    }

    [Theory]
    [InlineData("/2025/01/con.html")]
    [InlineData("/aux/x.html")]
    [InlineData("/2025/01/Com7.html")]
    public void UrlOverridesWithAWindowsNameAreIgnored(string url)
    {
        var diagnostics = new List<Diagnostic>();
        var post = PermalinkAssigner.Assign([Composed("Title", new DateOnly(2025, 1, 2), "x.md") with { RequestedUrl = url }], PermalinkPattern.Blogger, ReservedPaths.None, diagnostics).Single();
        Assert.Equal("/2025/01/title.html", post.Url);
        Assert.Contains(diagnostics, d => d.Message.Contains("not a safe site path"));
    }

    [Fact]
    public void ASafeUrlOverrideIsKept()
    {
        var post = PermalinkAssigner.Assign([Composed("Title", new DateOnly(2025, 1, 2), "x.md") with { RequestedUrl = "/2011/05/old-blogger-url_12.html" }], PermalinkPattern.Blogger, ReservedPaths.None, new List<Diagnostic>()).Single();
        Assert.Equal("/2011/05/old-blogger-url_12.html", post.Url);
        Assert.Equal("old-blogger-url_12", post.Slug);
    }

    [Theory]
    [InlineData("/{yyyy}/{mm}/{slug}.html", true)]
    [InlineData("/posts/{slug}.html", true)]
    [InlineData("/{yyyy}/{slug}", false)]
    [InlineData("{slug}.html", false)]
    [InlineData("/../{slug}.html", false)]
    [InlineData("/{yyyy}/x.html", false)]
    [InlineData("/{yyyy}/<b>/{slug}.html", false)]
    [InlineData("/con/{slug}.html", false)]
    [InlineData("/{yyyy}/{slug}/nul.html", false)]
    [InlineData("/{yyyy}/com1.x/{slug}.html", false)]
    [InlineData("/{yyyy}/console/{slug}.html", true)]
    public void PermalinkPatternsAreValidated(string pattern, bool valid) =>
        Assert.Equal(valid, PermalinkPattern.TryParse(pattern, out _, out _));

    private static IReadOnlyList<Post> Assign(params (string Title, int Day, string File)[] posts) =>
        PermalinkAssigner.Assign(posts.Select(p => Composed(p.Title, new DateOnly(2025, 10, p.Day), p.File)).ToList(), PermalinkPattern.Blogger, ReservedPaths.None, new List<Diagnostic>());

    private static ComposedPost Composed(string title, DateOnly? date, string file, int line = 1) =>
        new(new Post { Title = title, Date = date, Slug = "", Url = "", Sources = new[] { file }, Body = $"{file}:{line}" }, (file, line));
}
