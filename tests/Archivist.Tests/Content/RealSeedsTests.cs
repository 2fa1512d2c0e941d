using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Content;

/// <summary>What the importer must make of the five real seeds (issue 2, "Expected on the five real seeds").</summary>
public class RealSeedsTests
{
    private static readonly Lazy<ContentSet> Imported = new(() => ContentLoader.Load(RepoPaths.Seeds, PermalinkPattern.Blogger));

    private static Post Find(string title) => Imported.Value.Posts.Single(p => p.Title == title);

    [Fact]
    public void ElevenDistinctPosts() => Assert.Equal(11, Imported.Value.Posts.Count);

    [Fact]
    public void ClashOfCulturesHasThreeTopLevelCommentsAndSixRepliesUnderTheFirst()
    {
        var post = Find("Clash of Cultures");
        Assert.Equal(new DateOnly(2025, 10, 9), post.Date);
        Assert.Equal(9, post.CommentCount);
        Assert.Equal(["c1", "c2", "c3"], post.Text!.Comments.Select(c => c.Id));
        Assert.Equal(6, post.Text!.Comments[0].Replies.Count);
        Assert.Equal("c1-6", post.Text!.Comments[0].Replies[5].Id);
        Assert.All(post.Text!.Comments.Skip(1), c => Assert.Empty(c.Replies));
    }

    [Fact]
    public void ClashOfCulturesIsMergedFromBothSeedsKeepingTheCommentedCopy()
    {
        var post = Find("Clash of Cultures");
        Assert.Equal(["000_c87bd16a1df483c0.txt", "001_5c957c891f6cdcc2.txt"], post.Sources);
        Assert.Single(Imported.Value.Posts, p => p.Title == "Clash of Cultures");
    }

    [Fact]
    public void CauseAndEffectHasFiveComments()
    {
        var post = Find("Cause and Effect");
        Assert.Equal(new DateOnly(2025, 11, 28), post.Date);
        Assert.Equal(5, post.CommentCount);
        Assert.Equal(5, post.Text!.Comments.Count);
    }

    [Fact]
    public void ProbationMasterclassHasFourteenTopLevelAndEighteenReplies()
    {
        var post = Find("Probation Masterclass");
        Assert.Equal(new DateOnly(2016, 2, 14), post.Date);
        Assert.Equal(14, post.Text!.Comments.Count);
        Assert.Equal(18, post.Text!.Comments.Sum(c => c.Replies.Count));
        Assert.Equal([0, 0, 0, 4, 4, 0, 0, 7, 1, 1, 0, 0, 1, 0], post.Text!.Comments.Select(c => c.Replies.Count));
    }

    [Fact]
    public void UndatedPostHasInferredTitleEstimatedDateAndAboutFiftyComments()
    {
        var post = Imported.Value.Posts.Single(p => p.Sources.Contains("002_c5ed0a6886b27c22.txt"));
        Assert.True(post.TitleInferred);
        Assert.True(post.DateEstimated);
        Assert.Equal(new DateOnly(2024, 7, 22), post.Date); // from /2024/jul/22/ in a comment's URL
        Assert.InRange(post.CommentCount, 45, 55);
        Assert.DoesNotContain("This is true for a lot of organisations", post.Text!.Body);
        Assert.EndsWith("regional manager of probation", post.Text!.Body);
        Assert.StartsWith("This is true for a lot of organisations", post.Text!.Comments[0].Text);
    }

    [Fact]
    public void FlattenedSignOffsStayWithTheCommentTheySign()
    {
        var post = Imported.Value.Posts.Single(p => p.Sources.Contains("002_c5ed0a6886b27c22.txt"));
        var texts = post.Text!.AllComments().Select(c => c.Text).ToList();
        Assert.Contains(texts, t => t.StartsWith("I find it ironic", StringComparison.Ordinal) && t.EndsWith("sox", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("I worry that many of the officers", StringComparison.Ordinal) && t.EndsWith("Nick", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is "sox" or "'Getafix" or "Nick");
        Assert.DoesNotContain(texts, t => t.StartsWith("ReplyDelete", StringComparison.Ordinal) || t.StartsWith("Delete", StringComparison.Ordinal));
    }

    [Fact]
    public void NumberedQuestionsBetweenParagraphsAreHeadingsNotComments()
    {
        var post = Find("Can Consistency live with Creativity?");
        Assert.Equal(0, post.CommentCount);
        Assert.False(post.CommentsCaptured); // 001 was saved without its comments: unknown, not zero
        // One sequence, one way: all eight numbered questions are headings, their numbers as written.
        Assert.Contains("\n# 1\\. Why are there independent APs (IAPs) at all?\n", post.Text!.Body);
        Assert.Contains("\n# 8\\. Summing up:\n", post.Text!.Body);
    }

    [Fact]
    public void EveryCommentIdIsUniqueWithinItsPost()
    {
        foreach (var post in Imported.Value.Posts)
        {
            var ids = post.Text!.AllComments().Select(c => c.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void UrlsAreBloggerStyleAndUnique()
    {
        var urls = Imported.Value.Posts.Select(p => p.Url).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Contains("/2025/10/its-niche-jim.html", urls);
        Assert.All(urls, u => Assert.Matches(@"^/(\d{4}/\d{2}|undated)/[a-z0-9-]+\.html$", u));
    }

    [Fact]
    public void NoNonBreakingSpacesSurvive()
    {
        foreach (var post in Imported.Value.Posts)
        {
            Assert.DoesNotContain('\u00A0', post.Text!.Body);
            Assert.All(post.Text!.AllComments(), c => Assert.DoesNotContain('\u00A0', c.Text));
        }
    }

    /// <summary>The five seeds' documents, as files under Golden/import/ — readable, reviewable in diffs.</summary>
    [Fact]
    public void DocumentsMatchGoldenFiles()
    {
        var golden = Path.Combine(RepoPaths.Tests, "Golden", "import");
        var expected = new List<string>();
        foreach (var post in Imported.Value.Posts)
        {
            var path = ContentAssembler.DocumentPath(post);
            expected.Add(path);
            Golden.AssertMatches(Path.Combine(golden, path), PostDocumentWriter.Write(post));
        }
        var diagnostics = string.Join('\n', Imported.Value.Diagnostics) + "\n";
        Golden.AssertMatches(Path.Combine(golden, "diagnostics.txt"), diagnostics);
        var present = Directory.GetFiles(golden, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(golden, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), present);
    }

    [Fact]
    public void EveryDocumentReadsBackToAnEqualPost()
    {
        foreach (var post in Imported.Value.Posts)
        {
            var diagnostics = new List<Diagnostic>();
            var read = PostDocumentReader.Read("x.md", PostDocumentWriter.Write(post), diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(post, read!.Post);
        }
    }
}
