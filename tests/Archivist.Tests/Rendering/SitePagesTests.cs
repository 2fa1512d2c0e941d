using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>The pages of a small site: listings, archive counts, post navigation, feed, sitemap, base path.</summary>
public class SitePagesTests : IDisposable
{
    private readonly TestSite _site = new();

    public SitePagesTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body.", "First.", "Second."));
        _site.AddSeed("b.txt", SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Bravo body."));
        _site.AddSeed("c.txt", SeedText.Post("Monday, 15 September 2025", "Charlie", "Charlie body.", "Only one."));
        _site.AddSeed("d.txt", SeedText.Post("Wednesday, 1 May 2024", "Delta", "Delta body."));
        _site.AddSeed("e.txt", SeedText.Post("Sunday, 1 January 2023", "Echo", "Echo body."));
        _site.AddSeed("f.txt", "Foxtrot has no date at all\n\nA body with no date in it.\n");
    }

    public void Dispose() => _site.Dispose();

    private AngleSharp.Dom.IDocument Page(string path) => new HtmlParser().ParseDocument(_site.Read(path));

    [Fact]
    public void EmptyTextShowsNoElement()
    {
        _site.AddSeed("g.md", "---\ntitle: Golf has no body\ndate: 2025-10-20\n---\n");
        _site.Build(); // no description, no author
        var home = Page("index.html");
        Assert.Null(home.QuerySelector(".site-description"));
        Assert.Equal("Test Archive · Archive · Atom feed", home.QuerySelector(".site-footer p")!.TextContent);
        var golf = home.QuerySelectorAll(".post-summary").Single(p => p.TextContent.Contains("Golf has no body"));
        Assert.Null(golf.QuerySelector(".excerpt"));
        Assert.NotNull(home.QuerySelectorAll(".post-summary").First(p => p.TextContent.Contains("Alpha")).QuerySelector(".excerpt"));

        _site.Options = _site.Options with { Description = "About probation.", Author = "Someone" };
        _site.Build();
        Assert.Equal("About probation.", Page("index.html").QuerySelector(".site-description")!.TextContent);
        Assert.Equal("Test Archive · Someone · Archive · Atom feed", Page("index.html").QuerySelector(".site-footer p")!.TextContent);
    }

    [Fact]
    public void EveryPageOfTheSiteIsThere()
    {
        _site.Build();
        var files = _site.Files().Keys.ToHashSet();
        string[] expected =
        [
            "index.html", "page/1/index.html", "archive/index.html", "2025/index.html", "2025/10/index.html", "2025/09/index.html",
            "2024/index.html", "2024/05/index.html", "2023/index.html", "2023/01/index.html", "undated/index.html",
            "2025/10/alpha.html", "2025/10/alpha.md", "search/index.html", "about/index.html", "404.html",
            "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll", "assets/site.css", "assets/print.css", "assets/favicon.svg",
        ];
        Assert.All(expected, path => Assert.Contains(path, files));
        Assert.DoesNotContain("page/2/index.html", files); // the three newest are on the home page only
        Assert.DoesNotContain("page/0/index.html", files);
    }

    [Fact]
    public void StructuredDataOmitsTheCommentCountWhenTheCommentsWereNotCaptured()
    {
        _site.Build();
        string JsonLd(string path) => Page(path).QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("\"commentCount\":2", JsonLd("2025/10/alpha.html"));
        Assert.DoesNotContain("commentCount", JsonLd("2025/10/bravo.html")); // Bravo's dump has no comment section
    }

    private const string ClassicSeed = "Saturday, 19 March 2011\n\nCaseloads Again\n\nThe body.\n\n2 comments:\n\n" +
        "Anonymous said...\n\n    Caseloads are the problem.\n\n    19 March 2011 at 10:42\n" +
        "Jim Brown said...\n\n    Agreed.\n\n    March 20, 2011 at 9:05 PM\n";

    [Fact]
    public void CommentAuthorsAndTimesAreInTheStructuredData()
    {
        _site.AddSeed("g.txt", ClassicSeed);
        _site.Build();
        var json = System.Text.Json.JsonDocument.Parse(Page("2011/03/caseloads-again.html").QuerySelector("script[type='application/ld+json']")!.TextContent);
        var comments = json.RootElement.GetProperty("comment").EnumerateArray().ToList();
        Assert.Equal("Anonymous", comments[0].GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2011-03-19T10:42", comments[0].GetProperty("dateCreated").GetString());
        Assert.Equal("2011-03-20T21:05", comments[1].GetProperty("dateCreated").GetString());
    }

    [Fact]
    public void CommentsShowTheirAuthorAndTimeAsBloggerDid()
    {
        _site.AddSeed("g.txt", ClassicSeed);
        _site.Build();
        var meta = Page("2011/03/caseloads-again.html").QuerySelector("#c1 .comment-meta")!;
        Assert.Equal("Comment 1 · Anonymous said… 19 March 2011 at 10:42", meta.TextContent);
        Assert.Equal("2011-03-19T10:42", meta.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Caseloads are the problem.", Page("2011/03/caseloads-again.html").QuerySelector("#c1 .comment-body")!.TextContent.Trim());
        Assert.Equal("Comment 1", Page("2025/10/alpha.html").QuerySelector("#c1 .comment-meta")!.TextContent); // no byline: as before
    }

    [Fact]
    public void ContributionsAreEachTheirOwnBlockAndSectionBreaksAreRules()
    {
        _site.AddSeed("h.txt", "Friday, 28 November 2025\n\nSeparators\n\nReaders wrote:-\n\nFirst contribution.\n\n******\n" +
            "Second contribution.\n\n*******\nThird contribution.\n\n--oo00oo--\n\nThe author again.\n");
        _site.Build();
        var body = Page("2025/11/separators.html").QuerySelector(".post-body")!;
        Assert.Equal(["First contribution.", "Second contribution.", "Third contribution."],
            body.QuerySelectorAll(":scope > blockquote").Select(q => q.TextContent.Trim()));
        Assert.Single(body.QuerySelectorAll("hr")); // only the author's own section break
    }

    [Fact]
    public void PagesNeverSayZeroCommentsWhenTheCommentsWereNotCaptured()
    {
        _site.Build();
        var home = Page("index.html");
        var bravo = home.QuerySelectorAll(".post-summary").Single(s => s.QuerySelector("h2")!.TextContent == "Bravo");
        Assert.DoesNotContain("comment", bravo.QuerySelector(".post-meta")!.TextContent);
        var page = Page("2025/10/bravo.html");
        Assert.DoesNotContain("0 comments", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#comments"));
        Assert.Equal("The comments on this post were not captured.", page.QuerySelector(".comments-not-captured")!.TextContent);
        Assert.Equal("2 comments", Page("2025/10/alpha.html").QuerySelector("#comments-heading")!.TextContent);
    }

    [Fact]
    public void HomePagesListNewestFirstWithPagination()
    {
        _site.Build();
        var home = Page("index.html");
        Assert.Equal(["Alpha", "Bravo", "Charlie"], home.QuerySelectorAll(".post-summary h2").Select(h => h.TextContent));
        Assert.Equal("2 comments", home.QuerySelector(".post-summary .post-meta")!.TextContent.Split(" · ")[1]);
        Assert.Equal("/page/1/", home.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        var second = Page("page/1/index.html"); // numbered from the oldest
        Assert.Equal("Page 1", second.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Delta", "Echo", "Foxtrot has no date at all"], second.QuerySelectorAll(".post-summary h2").Select(h => h.TextContent));
        Assert.Equal("/", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pagination a[rel=next]"));
        // Each listing marks itself in the page links, the home page too.
        Assert.Equal("Newest", home.QuerySelector(".pagination [aria-current=page]")!.TextContent);
        Assert.Equal("1", second.QuerySelector(".pagination [aria-current=page]")!.TextContent);
        Assert.Equal("/", second.QuerySelectorAll(".pagination li a").Single(a => a.TextContent == "Newest").GetAttribute("href"));
    }

    [Fact]
    public void OlderPostsFromTheHomePageContinueWithTheNextPostAndNoPostIsListedTwice()
    {
        _site.AddSeed("g.txt", SeedText.Post("Friday, 10 October 2025", "Golf", "Golf body.")); // seven posts, three per page
        _site.Build();
        var home = Page("index.html");
        Assert.Equal(["Golf", "Alpha", "Bravo", "Charlie"], home.QuerySelectorAll(".post-summary h2").Select(h => h.TextContent));
        var older = Page(home.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!.TrimStart('/') + "index.html");
        Assert.Equal(["Delta", "Echo", "Foxtrot has no date at all"], older.QuerySelectorAll(".post-summary h2").Select(h => h.TextContent));
    }

    [Fact]
    public void ArchiveCountsYearsAndMonths()
    {
        _site.Build();
        var archive = Page("archive/index.html");
        var years = archive.QuerySelectorAll(".archive-year h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["2025 (3)", "2024 (1)", "2023 (1)", "Undated posts (1)"], years);
        var months2025 = archive.QuerySelectorAll(".archive-year")[0].QuerySelectorAll(".archive-months li").Select(li => li.TextContent.Trim());
        Assert.Equal(["October (2)", "September (1)"], months2025);
        var october = Page("2025/10/index.html");
        Assert.Equal("October 2025", october.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Alpha", "Bravo"], october.QuerySelectorAll(".post-summary h2").Select(h => h.TextContent));
        Assert.Equal("/2025/09/", october.QuerySelector(".post-nav .older a")!.GetAttribute("href"));
    }

    [Fact]
    public void PostPageHasCommentsNeighboursAndItsMonth()
    {
        _site.Build();
        var page = Page("2025/10/bravo.html");
        Assert.Equal("Bravo", page.QuerySelector("h1[data-passage=title]")!.TextContent);
        Assert.Equal("/2025/10/alpha.html", page.QuerySelector(".post-nav .newer a")!.GetAttribute("href"));
        Assert.Equal("/2025/09/charlie.html", page.QuerySelector(".post-nav .older a")!.GetAttribute("href"));
        Assert.Equal("/2025/10/", page.QuerySelector(".post-meta a[href='/2025/10/']")!.GetAttribute("href"));
        Assert.Equal("/2025/10/bravo.md", page.QuerySelector(".post-footer a")!.GetAttribute("href"));
        var alpha = Page("2025/10/alpha.html");
        Assert.Equal(["c1", "c2"], alpha.QuerySelectorAll("li.comment").Select(c => c.Id));
        Assert.Equal("/2025/10/alpha.html#c2", alpha.QuerySelector("#c2 .comment-permalink")!.GetAttribute("href"));
        Assert.Equal("Second.", alpha.QuerySelector("[data-passage=c2]")!.TextContent.Trim());
        Assert.Equal("https://example.org/2025/10/alpha.html", alpha.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void EstimatedAndUnknownDatesAreShownAsSuch()
    {
        _site.AddSeed("g.txt", "A headline about the probation service\n\nSee https://www.theguardian.com/society/2024/jul/22/probation for more.\n");
        _site.Build();
        var undated = Page("undated/index.html");
        Assert.Contains("Date unknown", undated.QuerySelector(".post-summary .post-meta")!.TextContent);
        var estimated = _site.Files().Keys.Single(k => k.StartsWith("2024/07/", StringComparison.Ordinal) && k.EndsWith(".html", StringComparison.Ordinal) && !k.EndsWith("index.html", StringComparison.Ordinal));
        var page = Page(estimated);
        Assert.Contains("date estimated", page.QuerySelector(".post-meta")!.TextContent);
        // Open Graph would announce the estimate as the publication time; JSON-LD keeps it (see templates/README.md).
        Assert.Null(page.QuerySelector("meta[property='article:published_time']"));
        Assert.Contains("\"datePublished\":\"2024-07-22\"", page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("2025-10-09T00:00:00Z", Page("2025/10/alpha.html").QuerySelector("meta[property='article:published_time']")!.GetAttribute("content"));
    }

    [Fact]
    public void FeedHasTheNewestPostsAndSitemapEveryPost()
    {
        _site.Build();
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var feed = XDocument.Parse(_site.Read("feed.xml"));
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot has no date at all"], feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("2025-10-09T00:00:00Z", feed.Root.Element(atom + "updated")!.Value);
        var sm = XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        var locations = XDocument.Parse(_site.Read("sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains("https://example.org/2025/10/alpha.html", locations);
        Assert.Contains("https://example.org/archive/", locations);
        Assert.DoesNotContain("https://example.org/404.html", locations);
        Assert.Equal(locations.Distinct().Count(), locations.Count);
        Assert.Contains("Sitemap: https://example.org/sitemap.xml", _site.Read("robots.txt"));
    }

    [Fact]
    public void WithoutASiteUrlThereIsNoSitemapBecauseItNeedsAbsoluteUrls()
    {
        _site.Options = _site.Options with { SiteUrl = "" };
        _site.Build();
        Assert.False(_site.Exists("sitemap.xml"));
        Assert.DoesNotContain("Sitemap:", _site.Read("robots.txt"));
        Assert.True(_site.Exists("feed.xml"));
    }

    [Fact]
    public void UnderABasePathEveryInternalLinkCarriesIt()
    {
        _site.Options = _site.Options with { BasePath = "/repo/", SiteUrl = "https://user.github.io/repo/" };
        _site.Build();
        foreach (var (path, bytes) in _site.Files().Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
            foreach (var element in document.QuerySelectorAll("[href], [src], [action], [data-base], [data-index]"))
            {
                foreach (var name in new[] { "href", "src", "action", "data-base", "data-index" })
                {
                    var url = element.GetAttribute(name);
                    if (url is null || url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#')) continue;
                    Assert.True(url.StartsWith("/repo/", StringComparison.Ordinal), $"{path}: {name}=\"{url}\" lacks the base path");
                }
            }
        }
        var notFound = Page("404.html");
        Assert.Equal("/repo/assets/site.css", notFound.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Equal("noindex", notFound.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void SearchPageKeepsTheContractWithTheSearchClient()
    {
        _site.Options = _site.Options with { BasePath = "/repo/", SiteUrl = "" };
        _site.Build();
        var search = Page("search/index.html");
        var form = search.QuerySelector("form#search-form")!;
        Assert.Equal("/repo/search/", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("q", search.QuerySelector("input#search-input")!.GetAttribute("name"));
        Assert.NotNull(search.QuerySelector("label[for=search-input]"));
        Assert.NotNull(search.QuerySelector("#search-status"));
        Assert.NotNull(search.QuerySelector("#search-results"));
        Assert.Contains("noscript", _site.Read("search/index.html"));
        var app = search.QuerySelector("#search-app")!;
        Assert.Equal("/repo/", app.GetAttribute("data-base"));
        Assert.Equal("/repo/search-index/", app.GetAttribute("data-index"));
        var headerForm = search.QuerySelector("header form[role=search]")!;
        Assert.Equal("/repo/search/", headerForm.GetAttribute("action"));
        Assert.Equal("search", headerForm.QuerySelector("input[name=q]")!.GetAttribute("type"));
    }

    [Fact]
    public void EveryPageHasLandmarksSkipLinkAndOneHeading()
    {
        _site.Build();
        foreach (var (path, bytes) in _site.Files().Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("#main", document.QuerySelector("body > a.skip-link")!.GetAttribute("href"));
            Assert.Single(document.QuerySelectorAll("main#main"));
            Assert.NotNull(document.QuerySelector("header nav"));
            Assert.NotNull(document.QuerySelector("footer"));
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.All(document.QuerySelectorAll("input:not([type=hidden])"), input =>
                Assert.NotNull(document.QuerySelector($"label[for='{input.Id}']")));
            Assert.StartsWith("<!doctype html>", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
