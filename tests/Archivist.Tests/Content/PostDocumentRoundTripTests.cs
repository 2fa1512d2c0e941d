using Archivist.Content;

namespace Archivist.Tests.Content;

/// <summary>What the writer writes about comments the reader reads back: bylines, and an unknown count.</summary>
public class PostDocumentRoundTripTests
{
    private static Post Read(string document)
    {
        var diagnostics = new List<Diagnostic>();
        var post = PostDocumentReader.Read("doc.md", document, diagnostics)!.Post;
        Assert.Empty(diagnostics);
        return post;
    }

    [Fact]
    public void BylinesWithAwkwardNamesReadBack()
    {
        var reply = new Comment("c1-1", "A reply.", default) { Author = "- not a list", Published = new DateTime(2011, 3, 20, 0, 5, 0) };
        var comment = new Comment("c1", "Text.", new[] { reply }) { Author = "O'Brien: the \"real\" one #1", Published = new DateTime(2011, 3, 19, 22, 42, 0) };
        var post = new Post { Title = "T", Slug = "t", Url = "/t.html", Sources = new[] { "a.txt" }, Text = new PostText("Body.", new[] { comment }) };
        var document = PostDocumentWriter.Write(post);
        Assert.Contains("  published: 2011-03-19T22:42\n", document);
        Assert.Equal(post, Read(document));
    }

    [Fact]
    public void AnUnknownCommentCountReadsBackAsUnknown()
    {
        var post = new Post { Title = "T", Slug = "t", Url = "/t.html", Sources = new[] { "a.txt" }, Text = new PostText("Body.", []), CommentsCaptured = false };
        var document = PostDocumentWriter.Write(post);
        Assert.Contains("comment_count: null\n", document);
        var read = Read(document);
        Assert.False(read.CommentsCaptured);
        Assert.Null(read.KnownCommentCount);
        Assert.NotEqual(post.ContentDigest, (post with { CommentsCaptured = true }).ContentDigest);
    }

    [Fact]
    public void ABadCommentTimeIsReportedWithItsLineAndIgnored()
    {
        var diagnostics = new List<Diagnostic>();
        var post = PostDocumentReader.Read("doc.md", "---\ntitle: T\ncomments:\n- id: c1\n  published: 19 March 2011\n  text: x\n---\n", diagnostics)!.Post;
        Assert.Null(post.Text!.Comments[0].Published);
        Assert.Contains(diagnostics, d => d.Line == 5 && d.Message.Contains("not a local time", StringComparison.Ordinal));
    }
}
