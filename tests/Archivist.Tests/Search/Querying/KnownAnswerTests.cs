using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Querying;

/// <summary>
/// Queries on the five real seeds whose right answer is known (known-answers.txt): the expected post must
/// rank first, and when the words are in a comment, the hit must deep-link to that comment.
/// </summary>
public class KnownAnswerTests(SeedsSite seeds) : IClassFixture<SeedsSite>
{
    /// <summary>The lines of known-answers.txt: query, expected URL, expected passage.</summary>
    public static IEnumerable<(string Query, string Url, string Where)> Answers() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Tests, "Search", "Querying", "known-answers.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts[1], parts[2]));

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (query, url, where) in Answers()) data.Add(query, url, where);
        return data;
    }

    [Fact]
    public void ThereAreAtLeastThirtyKnownAnswers() => Assert.True(Cases().Count >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RanksTheExpectedPostFirst(string query, string url, string where)
    {
        var results = seeds.Site.Search(query);
        Assert.NotEmpty(results.Hits);
        var top = results.Hits[0];
        Assert.Equal((url, where), (top.Meta.Url, top.Where));
    }
}
