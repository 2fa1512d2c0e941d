using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class HeaderTitleTests
{
    [Theory]
    [InlineData("Clash of Cultures")]
    [InlineData("It's Niche Jim!")]
    [InlineData("Can Consistency live with Creativity?")]
    [InlineData("OMiC is a failure!")]
    [InlineData("Napo AGM 2025")]
    [InlineData("Newest Post, Written With An ISO Date")]
    [InlineData("Short sentence titles are still titles.")]
    [InlineData("Wait for it, the probation service is about to change again...")]
    public void TitleShapedLinesAreTitles(string line) => Assert.True(HeaderTitle.IsPlausible(line));

    [Theory]
    [InlineData("Dear Member, we regret to inform you that the ballot has closed.")]
    [InlineData("Dear Colleagues")]
    [InlineData("To whom it may concern")]
    [InlineData("The second letter arrived three days later and said much the same thing again.")]
    public void SentencesAndSalutationsAreNot(string line) => Assert.False(HeaderTitle.IsPlausible(line));
}
