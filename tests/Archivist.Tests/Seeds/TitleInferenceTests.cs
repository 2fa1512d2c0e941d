using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class TitleInferenceTests
{
    [Fact]
    public void AHeadlineShapedLineNearTheTopWins() =>
        Assert.Equal("Plans to re-professionalise probation service are urgently needed", TitleInference.Infer([
            "With the new government getting to grips with the many problems left by the previous administration, this recent article in the Times highlights it:-",
            "Plans to re-professionalise probation service are urgently needed",
        ]));

    [Fact]
    public void ADotInsideAUrlDoesNotEndTheSentence() =>
        Assert.Equal("Some headerless text mentioning /2019/05/06/ in a link…",
            TitleInference.Shorten("Some headerless text mentioning /2019/05/06/ in a link https://x.org/2019/05/06/a"));

    [Fact]
    public void ALongLineIsCutAtAWordBoundaryBeforeAUrlNeverInsideIt() =>
        Assert.Equal("Probation chief warns that the service is already failing, see…",
            TitleInference.Shorten("Probation chief warns that the service is already failing, see https://amp.theguardian.com/society/article/2024/jul/22/cut"));

    [Fact]
    public void ACutTitleDoesNotEndWithAUrl() =>
        Assert.Equal("A headerless post quoting…",
            TitleInference.Shorten("A headerless post quoting https://www.example.org/2019/05/06/report and little else of note"));

    [Fact]
    public void AUrlThatFitsIsKeptWhole() =>
        Assert.Equal("See https://x.org/a for the details", TitleInference.Shorten("See https://x.org/a for the details"));

    [Fact]
    public void TheFirstSentenceIsEnoughWhenItIsLongEnough() =>
        Assert.Equal("The first sentence is long enough to be a title.",
            TitleInference.Shorten("The first sentence is long enough to be a title. The second is not wanted."));

    [Fact]
    public void ALineThatIsOnlyALinkGivesWayToTheNextLine() =>
        Assert.Equal("the comment that follows the link is used instead", TitleInference.Infer([
            "https://www.bbc.co.uk/news/articles/c4ng5n0my0zo-with-a-slug-long-enough-to-need-cutting-somewhere",
            "the comment that follows the link is used instead",
        ]));
}
