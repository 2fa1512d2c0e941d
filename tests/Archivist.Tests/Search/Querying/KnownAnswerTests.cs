using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Querying;

/// <summary>
/// Queries on the five real seeds whose right answer is known (known-answers.txt): the expected post must
/// rank first, and when the words are in a comment, the hit must deep-link to that comment.
/// </summary>
public class KnownAnswerTests(SeedsSite seeds) : IClassFixture<SeedsSite>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(RepoPaths.Tests, "Search", "Querying", "known-answers.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }
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
