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

/// <summary>
/// How often each boundary rule decided a boundary in seed 002 (the one flattened dump), against the plain
/// rule "the buttons start a comment". A rule that stops firing, or fires more, shows here first.
/// </summary>
public class FlattenedBoundaryRulesOnSeed002Tests
{
    private static FlattenedCommentParser.Result Parse002()
    {
        var path = Path.Combine(Archivist.Tests.Support.RepoPaths.Root, "seeds", "002_c5ed0a6886b27c22.txt");
        var (source, _) = SeedReader.Decode("002", File.ReadAllBytes(path));
        var section = CommentSectionLocator.Locate(source!.Lines);
        Assert.Equal(CommentLayout.Flattened, section.Layout);
        return FlattenedCommentParser.ParseWithDecisions(source.Lines, section.Start, 1);
    }

    [Fact]
    public void EachRuleMovesTheBoundariesTheTextShows()
    {
        var decisions = Parse002().Decisions;
        string Lines(BoundaryRule rule) => string.Join(",", decisions.Where(d => d.Rule == rule).Select(d => d.Start is { } s ? $"{d.Line}->{s}" : $"{d.Line}:joined"));
        Assert.Equal("27->26,31:joined,88->87,127->126,150->149", Lines(BoundaryRule.Introduces));
        Assert.Equal("157->156", Lines(BoundaryRule.OpenQuotation));
        Assert.Equal("81:joined,85:joined", Lines(BoundaryRule.UrlWithWhatFollows));
        Assert.Equal("23:joined,49:joined,51->50", Lines(BoundaryRule.QuotationAnswered));
        Assert.Equal("47->47,74->74,82->82", Lines(BoundaryRule.Addresses));
    }

    [Fact]
    public void TheIssuesExamplesLandInTheRightComment()
    {
        var texts = Parse002().Comments.SelectMany(c => c.Replies.Prepend(c)).Select(c => string.Join("\n", c.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Lines))).ToList();
        string Holding(string start) => texts.Single(t => t.Contains(start, StringComparison.Ordinal));
        Assert.StartsWith("Thinking about an interesting comparison", Holding("The US Secret Service boss has resigned"));   // 149-150
        Assert.StartsWith("\"Seven Labour MPs", Holding("sit as independent MPs for at least six months"));                   // 156-158
        Assert.StartsWith("I did email napo today", Holding("Staff mental health and impact of vicarious trauma"));           // 26-28
        Assert.StartsWith("From Twitter:-", Holding("I have spent my weekend job searching"));                                 // 126-127
        Assert.StartsWith("It was the usual hysterical over-reaction", Holding("It was the usual hysterical over-reaction"));  // 16 answers 15
        Assert.StartsWith("Stop this that the other", Holding("Stop this that the other"));                                    // 19 answers 18
    }
}
