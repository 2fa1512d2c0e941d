using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class FlattenedCommentParserTests
{
    [Theory]
    [InlineData("Delete", "Delete")]
    [InlineData("Deletesox", "Delete")] // "Deletes" + "ox" is not the word "Deletes"
    [InlineData("DeleteIt was the usual over-reaction", "Delete")]
    [InlineData("Deletebriefly in other news", "Delete")]
    [InlineData("Delete\"... the service is in a parlous condition", "Delete")]
    [InlineData("Delete“we need to respect each other”", "Delete")]
    [InlineData("Deletehttps://www.bbc.co.uk/news/articles/c4ng5n0my0zo", "Delete")]
    [InlineData("ReplyDelete", "ReplyDelete")]
    [InlineData("ReplyDeleteDeleted tweets", "ReplyDelete")]
    [InlineData("ReplyDelete'Getafix", "ReplyDelete")]
    public void ButtonsGluedToTextAreMarkers(string line, string marker) => Assert.Equal(marker, FlattenedCommentParser.MarkerOf(line));

    [Theory]
    [InlineData("Deleted emails are evidence, said the second commenter.")]
    [InlineData("Deletes the lot.")]
    [InlineData("Deleting them is no answer")]
    [InlineData("Deletion: the only word for it")]
    [InlineData("Deletions, everywhere")]
    [InlineData("Deleted.")]
    [InlineData("Delete the lot, one reader said.")]
    [InlineData("Deleter of worlds")]
    [InlineData("Nothing to do with buttons")]
    public void WordsSpeltFromDeleteAreText(string line) => Assert.Null(FlattenedCommentParser.MarkerOf(line));
}
