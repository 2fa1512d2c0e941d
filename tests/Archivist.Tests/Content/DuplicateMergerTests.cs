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
        var merged = Assert.Single(DuplicateMerger.Merge([bare, commented], diagnostics));
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
        var merged = Assert.Single(DuplicateMerger.Merge([uncaptured, statedZero], diagnostics));
        Assert.True(merged.Post.CommentsCaptured);
        Assert.Equal(["a.txt", "b.txt"], merged.Post.Sources);
        Assert.Contains(diagnostics, d => d.Message.Contains("keeping that copy (0 comments)", StringComparison.Ordinal));
    }

    [Fact]
    public void SameTitleAndDateWithDifferentTextAreBothKept()
    {
        var diagnostics = new List<Diagnostic>();
        var merged = DuplicateMerger.Merge([Post("a.txt", "T", "One text entirely.", 0), Post("a.txt", "T", "Another text.", 0, line: 9)], diagnostics);
        Assert.Equal(2, merged.Count);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void DifferentDatesAreNeverMerged() =>
        Assert.Equal(2, DuplicateMerger.Merge([Post("a.txt", "T", "x", 0), Post("b.txt", "T", "x", 0, day: 10)], new List<Diagnostic>()).Count);

    private static ComposedPost Post(string file, string title, string body, int comments, int line = 1, int day = 9) =>
        new(new Post
        {
            Title = title,
            Date = new DateOnly(2025, 10, day),
            Slug = "",
            Url = "",
            Sources = new[] { file },
            Body = body,
            Comments = Enumerable.Range(1, comments).Select(i => new Comment($"c{i}", "text", default)).ToList(),
        }, (file, line));
}
