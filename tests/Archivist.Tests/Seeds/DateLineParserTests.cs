using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class DateLineParserTests
{
    [Theory]
    [InlineData("Thursday, 9 October 2025", 2025, 10, 9)]
    [InlineData("Thursday 14 August 2014", 2014, 8, 14)]
    [InlineData("Thursday, September 16, 2010", 2010, 9, 16)]
    [InlineData("2025-10-09", 2025, 10, 9)]
    [InlineData("Sunday, 14th February 2016", 2016, 2, 14)]
    [InlineData("9 Oct 2025", 2025, 10, 9)]
    public void RecognisesDateLines(string line, int year, int month, int day)
    {
        Assert.True(DateLineParser.TryParse(line, out var date));
        Assert.Equal(new DateOnly(year, month, day), date.Date);
        Assert.False(date.WeekdayMismatch);
    }

    [Theory]
    [InlineData("Transforming Rehabilitation: evolution not revolution 9 December 2015")]
    [InlineData("Published on Jun 19, 2015")]
    [InlineData("31 February 2025")]
    [InlineData("2025-13-01")]
    [InlineData("Thursday")]
    [InlineData("  Thursday, 9 October 2025")]
    public void RejectsOtherLines(string line) => Assert.False(DateLineParser.TryParse(line, out _));

    [Fact]
    public void NoticesAWrongWeekday()
    {
        Assert.True(DateLineParser.TryParse("Friday, 9 October 2025", out var date));
        Assert.True(date.WeekdayMismatch);
    }
}
