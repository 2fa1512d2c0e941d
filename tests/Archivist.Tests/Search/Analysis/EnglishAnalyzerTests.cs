using Archivist.Search.Analysis;

namespace Archivist.Tests.Search.Analysis;

public class EnglishAnalyzerTests
{
    private static string Terms(string text) =>
        string.Join(" ", new EnglishAnalyzer().Analyze(text).Select(t => t.Stacked ? "+" + t.Term : t.Term));

    [Theory]
    [InlineData("Napo's view", "napo view")]
    [InlineData("Napo’s view", "napo view")]
    [InlineData("don't", "don't")]
    [InlineData("HMPPS/MoJ", "hmpps moj")]
    [InlineData("re-professionalise", "re +reprofessionalis professionalis")]
    [InlineData("40,000 staff and 5.5 per cent", "40000 staff and 5.5 per cent")]
    [InlineData("Café naïve Ångström İstanbul straße ﬁne", "cafe naiv angstrom istanbul strass fine")]
    [InlineData("e\u0301tude", "etud")] // decomposed accent stays inside the word
    [InlineData("Probation Officers probation's", "probat offic probat")]
    [InlineData("end. Start,next", "end start next")]
    [InlineData("1,2 a.b", "12 a b")]
    [InlineData("-leading trailing- /x", "lead trail x")]
    public void AnalyzesLikeTheIndex(string text, string terms) => Assert.Equal(terms, Terms(text));

    [Fact]
    public void KeepsSpansAndPositions()
    {
        var tokens = new EnglishAnalyzer().Analyze("The co-operative's AGM");
        Assert.Equal(
            [("the", 0, 3, 0, false), ("co", 4, 6, 1, false), ("cooper", 4, 18, 1, true), ("oper", 7, 18, 2, false), ("agm", 19, 22, 3, false)],
            tokens.Select(t => (t.Term, t.Start, t.End, t.Position, t.Stacked)));
    }

    [Fact]
    public void DropsOverlongTokensButKeepsTheirPosition()
    {
        var tokens = new EnglishAnalyzer().Analyze("a " + new string('x', 41) + " b");
        Assert.Equal([("a", 0), ("b", 2)], tokens.Select(t => (t.Term, t.Position)));
    }

    [Fact]
    public void MemoisedStemsEqualDirectStems()
    {
        var analyzer = new EnglishAnalyzer();
        var stemmer = new EnglishStemmer();
        foreach (var word in new[] { "generations", "hoping", "probation", "generations", "hoping" })
            Assert.Equal(stemmer.Stem(word), analyzer.Term(word));
    }
}
