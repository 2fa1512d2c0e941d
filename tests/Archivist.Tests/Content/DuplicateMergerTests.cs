using Archivist.Content;

namespace Archivist.Tests.Content;

public class DuplicateMergerTests
{
    [Fact]
    public void SamePostInTwoSeedsKeepsTheCopyWithCommentsAndListsBothSources()
    {
        var bare = Post("a.txt", "Clash of Cultures", "The same body text, long enough to compare safely here.", comments: 0);
        var commented = Post("b.txt", "Clash  of Cultures", "The same body text, long enough to compare safely here.", comments: 2);
        var diagnostics = new List<Diagnostic>();
        var merged = Assert.Single(DuplicateMerger.Merge([bare, commented], PostTexts.Carried, diagnostics));
        Assert.Equal(2, merged.Post.CommentCount);
        Assert.Equal(["a.txt", "b.txt"], merged.Post.Sources);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.File == "a.txt");
    }

    [Fact]
    public void ACopyWhoseCommentsWereNotCapturedLosesToOneThatStatesItsCount()
    {
        const string body = "The same body text, long enough to compare safely here.";
        var uncaptured = Post("a.txt", "T", body + " And a longer ending.", comments: 0) is var p ? p with { Post = p.Post with { CommentsCaptured = false } } : null!;
        var statedZero = Post("b.txt", "T", body, comments: 0);
        var diagnostics = new List<Diagnostic>();
        var merged = Assert.Single(DuplicateMerger.Merge([uncaptured, statedZero], PostTexts.Carried, diagnostics));
        Assert.True(merged.Post.CommentsCaptured);
        Assert.Equal(["a.txt", "b.txt"], merged.Post.Sources);
        Assert.Contains(diagnostics, d => d.Message.Contains("keeping that copy (0 comments)", StringComparison.Ordinal));
    }

    [Fact]
    public void SameTitleAndDateWithDifferentTextAreBothKept()
    {
        var diagnostics = new List<Diagnostic>();
        var merged = DuplicateMerger.Merge([Post("a.txt", "T", "One text entirely.", 0), Post("a.txt", "T", "Another text.", 0, line: 9)], PostTexts.Carried, diagnostics);
        Assert.Equal(2, merged.Count);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void DifferentDatesAreNeverMerged() =>
        Assert.Equal(2, DuplicateMerger.Merge([Post("a.txt", "T", "x", 0), Post("b.txt", "T", "x", 0, day: 10)], PostTexts.Carried, new List<Diagnostic>()).Count);

    private static IncomingPost Post(string file, string title, string body, int comments, int line = 1, int day = 9) =>
        new(new Post
        {
            Title = title,
            Date = new DateOnly(2025, 10, day),
            Slug = "",
            Url = "",
            Sources = new[] { file },
            Text = new PostText(body, Enumerable.Range(1, comments).Select(i => new Comment($"c{i}", "text", default)).ToList()),
        }, (file, line));

    [Fact]
    public void PostsWithoutTheirTextAreComparedThroughTheTextSource()
    {
        const string body = "The same body text, long enough to compare safely here.";
        var carried = new[] { Post("a.txt", "T", body, 0), Post("b.txt", "T", body, 1), Post("c.txt", "T", "Another text.", 0, line: 9) };
        var texts = new KeptTexts(carried.Select(p => p.Post));
        var bare = carried.Select(p => p with { Post = p.Post with { Text = null, CommentCount = p.Post.CommentCount, ContentDigest = p.Post.ContentDigest } }).ToList();
        Assert.All(bare, p => Assert.Null(p.Post.Text));
        var merged = DuplicateMerger.Merge(bare, texts, new List<Diagnostic>());
        Assert.Equal(2, merged.Count);
        Assert.Equal(["a.txt", "b.txt"], merged[0].Post.Sources);
        Assert.True(texts.Asked > 0);
    }

    /// <summary>Texts kept beside the posts, by digest, as the build's seed cache keeps them.</summary>
    private sealed class KeptTexts(IEnumerable<Post> posts) : PostTexts
    {
        private readonly Dictionary<string, PostText> _texts = posts.ToDictionary(p => p.ContentDigest, p => p.Text!);
        public int Asked { get; private set; }

        protected override PostText Load(Post post)
        {
            Asked++;
            return _texts[post.ContentDigest];
        }
    }
}
