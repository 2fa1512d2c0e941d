using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class AttributedCommentParserTests
{
    [Theory]
    [InlineData("19 March 2011 at 10:42", "2011-03-19T10:42")]
    [InlineData("March 19, 2011 at 10:42 PM", "2011-03-19T22:42")]
    [InlineData("March 19, 2011 at 12:05 AM", "2011-03-19T00:05")]
    [InlineData("March 19, 2011 at 12:30 PM", "2011-03-19T12:30")]
    [InlineData("1 February 2016 at 9:07", "2016-02-01T09:07")]
    public void BloggerTimesAreReadAsLocalTimes(string line, string iso) =>
        Assert.Equal(iso, AttributedCommentParser.ParseTime(line)!.Value.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("30 February 2011 at 10:42")]
    [InlineData("19 March 2011 at 25:42")]
    [InlineData("March 19, 2011 at 13:42 PM")]
    [InlineData("19 Marchember 2011 at 10:42")]
    [InlineData("We met on 19 March 2011 at 10:42")]
    public void OtherTextIsNotATime(string line) => Assert.Null(AttributedCommentParser.ParseTime(line));

    [Theory]
    [InlineData("  1. That is what she said", "    ReplyDelete")]
    [InlineData("  1. And then he said...", "    ReplyDelete")]
    [InlineData("That is what she said", "Nothing more.")]
    public void NumberedCommentsAreNotBylines(string first, string second) =>
        Assert.False(AttributedCommentParser.Recognises([first, "", second], 0));

    [Theory]
    [InlineData("Anonymous said...", "    Text.")]
    [InlineData("Jim Brown said…", "    Text.")]
    [InlineData("Anonymous", "March 19, 2011 at 10:42 PM")]
    public void BylinesAreRecognised(string first, string second) =>
        Assert.True(AttributedCommentParser.Recognises([first, "", second], 0));

    [Theory]
    [InlineData("comments-classic-said.txt")]
    [InlineData("comments-threaded-bylines.txt")]
    public void BylinesNeverStayInTheCommentText(string fixture)
    {
        var post = SeedFixtureTests.Import(fixture).Posts.First(p => p.CommentCount > 0);
        Assert.All(post.Text!.AllComments(), c =>
        {
            Assert.NotNull(c.Author);
            Assert.NotNull(c.Published);
            Assert.DoesNotContain(c.Author!, c.Text);
            Assert.DoesNotContain(" at ", c.Text);
            Assert.DoesNotContain("said", c.Text);
        });
    }

    [Fact]
    public void NoCommentsEndsAPostWithARealZero()
    {
        var quiet = SeedFixtureTests.Import("comments-classic-said.txt").Posts.Single(p => p.Title == "A Quiet Day");
        Assert.True(quiet.CommentsCaptured);
        Assert.Equal(0, quiet.CommentCount);
        Assert.Equal("Nothing to report.", quiet.Text!.Body);
    }
}
