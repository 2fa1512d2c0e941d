using System.Text;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Seeds;

/// <summary>Comment numbers have no limit: comment 10,000 is a comment of its own, not text of comment 9,999.</summary>
public class CommentNumberingTests
{
    private const int Count = 10_002;

    private static ContentSet Import(string text) =>
        ContentAssembler.Assemble([SeedFileLoader.FromBytes("many.txt", Encoding.UTF8.GetBytes(text))], PermalinkPattern.Blogger);

    private static void AssertEveryCommentIsItsOwn(ContentSet set)
    {
        var post = Assert.Single(set.Posts);
        Assert.Equal(Count, post.Text!.Comments.Count);
        Assert.Equal("Comment number 9999.", post.Text!.Comments[9998].Text);
        Assert.Equal("c10000", post.Text!.Comments[9999].Id);
        Assert.Equal("Comment number 10000.", post.Text!.Comments[9999].Text);
        Assert.Equal("Comment number 10002.", post.Text!.Comments[^1].Text);
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void LayoutANumbersPastNineThousandNineHundredAndNinetyNine() =>
        AssertEveryCommentIsItsOwn(Import(SeedText.Post("Monday, 6 October 2025", "Busy", "Body.",
            Enumerable.Range(1, Count).Select(n => $"Comment number {n}.").ToArray())));

    [Fact]
    public void LayoutCNumbersPastNineThousandNineHundredAndNinetyNine()
    {
        var sb = new StringBuilder("Monday, 6 October 2025\n\nBusy\n\nBody.\n\n");
        for (var n = 1; n <= Count; n++) sb.Append("  ").Append(n).Append(". Comment number ").Append(n).Append(".\n");
        AssertEveryCommentIsItsOwn(Import(sb.ToString()));
    }

    [Theory]
    [InlineData("  99999999999999999999. Not a comment number anyone wrote.")]
    [InlineData("99999999999999 comments:")]
    public void NumbersTooBigForAnIntAreText(string line)
    {
        var set = Import($"Monday, 6 October 2025\n\nHuge\n\nBody.\n\n{line}\n");
        Assert.Single(set.Posts);
    }
}
