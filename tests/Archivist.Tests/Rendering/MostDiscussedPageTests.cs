using Archivist.Content;
using Archivist.Rendering;
using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>
/// The most discussed page: its ranking (unknown counts left out, not taken as 0; ties broken the same way every
/// time), the page a reader gets (golden), and its place in the site through the page kinds' registry alone.
/// </summary>
public class MostDiscussedPageTests
{
    private static readonly string GoldenDirectory = Path.Combine(RepoPaths.Tests, "Rendering", "Golden");

    [Fact]
    public void LongestThreadsComeFirstAndUnknownOrEmptyThreadsAreLeftOut()
    {
        var ranked = MostDiscussedPage.Rank([
            Post("none", 2025, 0),
            Post("uncaptured", 2025, 0, captured: false),
            Post("uncaptured-with-comments", 2025, 7, captured: false),
            Post("short", 2024, 1),
            Post("long", 2016, 12),
        ], p => p);
        Assert.Equal(["long", "short"], ranked.Select(p => p.Slug));
    }

    [Fact]
    public void TiesGoToTheNewerPostThenByUrlWhateverTheOrderGiven()
    {
        Post[] posts = [Post("b-same-day", 2024, 3), Post("older", 2016, 3), Post("a-same-day", 2024, 3), Post("undated", null, 3), Post("most", 2010, 4)];
        Assert.Equal(["most", "a-same-day", "b-same-day", "older", "undated"], MostDiscussedPage.Rank(posts, p => p).Select(p => p.Slug));
        Assert.Equal(["most", "a-same-day", "b-same-day", "older", "undated"], MostDiscussedPage.Rank(posts.Reverse(), p => p).Select(p => p.Slug));
    }

    [Fact]
    public void ThePageListsAllTimeThenEachYearAndIsLinkedFromTheArchiveAndTheSitemap()
    {
        using var site = Site();
        var page = site.Read("most-discussed/index.html");
        Assert.Equal(["All time", "2025", "2024", "2016"], Headings(page));
        // All time: 5 comments, 2 (the newer of the tie first), 2, 1; the known 0 and the uncaptured post are not there.
        Assert.Equal(["Busy Thread", "Tied Newer", "Tied Older", "Old Thread"], Titles(page, "all-time"));
        Assert.DoesNotContain("Quiet Post", page);
        Assert.DoesNotContain("Lost Comments", page);
        Assert.Contains("posts whose comments were not captured are left out", page);
        Assert.Contains("href=\"/2025/10/busy-thread.html#comments\"", page);
        Assert.Contains("<a href=\"/most-discussed/\">Most discussed</a>", site.Read("archive/index.html"));
        Assert.Contains("<loc>https://example.org/most-discussed/</loc>", site.Read("sitemap.xml"));
    }

    [Fact]
    public void EachYearShowsItsLongestThreadsOnly()
    {
        using var site = new TestSite();
        for (var i = 1; i <= MostDiscussedPage.YearCount + 2; i++)
            site.AddSeed($"p{i:D2}.md", Markdown($"Post {i:D2}", new DateOnly(2025, 1, i), comments: i));
        site.Build();
        var page = site.Read("most-discussed/index.html");
        var year = Titles(page, "year-2025");
        Assert.Equal(MostDiscussedPage.YearCount, year.Count);
        Assert.Equal("Post 12", year[0]);
        Assert.DoesNotContain("Post 02", year);
    }

    [Fact]
    public void WithoutCommentsThePageSaysSo()
    {
        using var site = new TestSite();
        site.AddSeed("a.md", Markdown("Quiet Post", new DateOnly(2025, 10, 7), comments: 0));
        site.Build();
        var page = site.Read("most-discussed/index.html");
        Assert.Contains("No post has comments yet.", page);
        Assert.Empty(Headings(page));
    }

    [Fact]
    public void GoldenPage()
    {
        using var site = Site();
        Golden.AssertMatches(Path.Combine(GoldenDirectory, "most-discussed-page.html"), site.Read("most-discussed/index.html"));
    }

    private static TestSite Site()
    {
        var site = new TestSite();
        site.Options = site.Options with { Title = "On Probation", Description = "A test archive." };
        site.AddSeed("busy.md", Markdown("Busy Thread", new DateOnly(2025, 10, 6), comments: 5));
        site.AddSeed("quiet.md", Markdown("Quiet Post", new DateOnly(2025, 10, 7), comments: 0));
        site.AddSeed("lost.md", Markdown("Lost Comments", new DateOnly(2025, 9, 1), comments: 0, captured: false));
        site.AddSeed("tied-older.md", Markdown("Tied Older", new DateOnly(2024, 3, 1), comments: 2));
        site.AddSeed("tied-newer.md", Markdown("Tied Newer", new DateOnly(2024, 5, 1), comments: 2));
        site.AddSeed("old.txt", SeedText.Post("Sunday, 14 February 2016", "Old Thread", "Long ago.", "The one comment."));
        site.Build();
        return site;
    }

    /// <summary>A finished post: <paramref name="comments"/> comments, the last with a reply when there are several.</summary>
    private static string Markdown(string title, DateOnly date, int comments, bool captured = true)
    {
        var text = new System.Text.StringBuilder($"---\ntitle: {title}\ndate: {date:yyyy-MM-dd}\n");
        if (!captured) text.Append("comment_count: null\n");
        if (comments > 0)
        {
            text.Append("comments:\n");
            for (var i = 1; i < comments; i++) text.Append($"- id: c{i}\n  text: Comment {i}.\n");
            if (comments > 1) text.Append($"  replies:\n  - id: c{comments - 1}-1\n    text: A reply.\n");
            else text.Append("- id: c1\n  text: Comment 1.\n");
        }
        return text.Append("---\n\nThe post.\n").ToString();
    }

    private static Post Post(string slug, int? year, int comments, bool captured = true) => new()
    {
        Title = slug, Slug = slug, Url = $"/{year?.ToString() ?? "undated"}/01/{slug}.html", Sources = new[] { slug + ".txt" }, Body = "",
        Date = year is { } y ? new DateOnly(y, 1, 1) : null,
        Comments = Enumerable.Range(1, comments).Select(i => new Comment($"c{i}", "text", default)).ToList(),
        CommentsCaptured = captured,
    };

    private static List<string> Headings(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<h2 id=\"[^\"]+\">([^<]+)</h2>").Select(m => m.Groups[1].Value).ToList();

    private static List<string> Titles(string page, string section)
    {
        var start = page.IndexOf($"<h2 id=\"{section}\">", StringComparison.Ordinal);
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Matches(page[start..end], "<li><a href=\"[^\"]+\">([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();
    }
}
