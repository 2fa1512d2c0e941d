using Archivist.Search.Querying;
using Archivist.Tests.Search.Support;

namespace Archivist.Tests.Search.Querying;

/// <summary>Phrases, exclusion, prefixes, typos, filters and ordering on the real seeds.</summary>
public class QueryBehaviourTests(SeedsSite seeds) : IClassFixture<SeedsSite>
{
    private const string Masterclass = "/2016/02/probation-masterclass.html";
    private const string Plans = "/2024/07/plans-to-re-professionalise-probation-service-are-urgently.html";

    private List<string> Urls(string query, int limit = 20) => seeds.Site.Search(query, limit).Hits.Select(h => h.Meta.Url).ToList();

    [Fact]
    public void ACorrectedQueryIsSaidWithTheExactOneBeside()
    {
        var corrected = seeds.Site.Search("Probaton service");
        Assert.True(corrected.Widened);
        Assert.Equal(new QueryCorrection("probation service", "\"Probaton\" service"), corrected.Correction);
        var exact = seeds.Site.Search("\"Probaton\" service"); // quoted: taken as typed, no correction
        Assert.Null(exact.Correction);
        Assert.Empty(exact.Hits);
        Assert.Null(seeds.Site.Search("probation").Correction);
    }

    [Fact]
    public void AnEstimatedDateIsMarkedInTheMetadata()
    {
        var hits = seeds.Site.Search("probation", 20).Hits;
        Assert.True(hits.Single(h => h.Meta.Url == Plans).Meta.DateEstimated);
        Assert.All(hits.Where(h => h.Meta.Url != Plans), h => Assert.False(h.Meta.DateEstimated));
    }

    [Fact]
    public void AllWordsMustMatch()
    {
        Assert.Equal([Masterclass], Urls("interserve leicester"));
        Assert.Empty(Urls("harehills interserve"));
    }

    [Fact]
    public void APhraseNeedsItsWordsTogether()
    {
        var loose = Urls("cultures clash");
        var phrase = Urls("\"cultures clash\"");
        Assert.Contains("/2025/10/clash-of-cultures.html", loose);
        Assert.Empty(phrase); // the text says "clash of cultures", never "cultures clash"
        Assert.Equal(2, Urls("\"clash of cultures\"").Count);
    }

    [Fact]
    public void MinusExcludes()
    {
        var all = Urls("napo");
        var without = Urls("napo -omic");
        Assert.Contains("/2025/10/omic-is-a-failure.html", all);
        Assert.DoesNotContain("/2025/10/omic-is-a-failure.html", without);
        Assert.True(without.Count > 0 && without.Count < all.Count);
        Assert.Empty(Urls("napo -napo"));
    }

    [Fact]
    public void ExcludingAPhraseKeepsPostsWithTheWordsApart()
    {
        var without = Urls("probation -\"clash of cultures\"");
        Assert.DoesNotContain("/2025/10/clash-of-cultures.html", without);
        Assert.Contains(Masterclass, without);
    }

    [Fact]
    public void TheLastWordMatchesAsAPrefixWhileTyping()
    {
        Assert.Equal([Masterclass], Urls("interser").Take(1));
        var open = seeds.Site.Search("interser").Plan.Clauses[0].Slots[0];
        Assert.True(open.IsPrefix);
        Assert.Contains(open.Alternatives, a => a is { Term: "interserv", Kind: MatchKind.Completion });
        var ended = seeds.Site.Search("xyzinter ").Plan.Clauses[0].Slots[0]; // a space ends the word: no prefix
        Assert.False(ended.IsPrefix);
        Assert.Contains(Plans, Urls("harehi"));
    }

    [Fact]
    public void CountsDoNotJumpWhileAWordIsTyped()
    {
        // "Timpson" is in 2 of the 11 posts: every prefix of it finds those two — not none because 2 of 11 is
        // "common", and not every post through a correction of "timps" to "time".
        var whole = Urls("Timpson ");
        Assert.Equal(2, whole.Count);
        foreach (var typed in new[] { "Timp", "Timps", "Timpso", "Timpson" })
            Assert.Equal(whole.Order(), Urls(typed).Order());
        Assert.False(seeds.Site.Search("Timps").Widened);
        Assert.DoesNotContain("time", seeds.Site.Search("Timps").Plan.RequiredTerms);
    }

    [Fact]
    public void PrefixesOfWordsInSeveralPostsFindThem()
    {
        foreach (var (typed, word) in new[] { ("prob", "probation "), ("mini", "ministry "), ("reha", "rehabilitation "), ("rehabil", "rehabilitation ") })
        {
            var whole = Urls(word, 50);
            Assert.NotEmpty(whole);
            Assert.Superset(whole.ToHashSet(), Urls(typed, 50).ToHashSet());
        }
    }

    [Fact]
    public void AWordBeingTypedAcceptsItsLongestStemNotShorterWords()
    {
        var open = seeds.Site.Search("restora").Plan.Clauses[0].Slots[0];
        Assert.Contains(open.Alternatives, a => a is { Term: "restor", Kind: MatchKind.Stem });
        Assert.DoesNotContain(open.Alternatives, a => a.Term == "rest");
        Assert.False(seeds.Site.Search("restora").Widened); // "restor" finds the posts; nothing needs correcting
    }

    [Fact]
    public void AnOpenWordTheArchiveHoldsRanksItsOwnDocumentsFirst()
    {
        // "tool" is in one post, "toolkit" (a completion) in another with far higher impacts.
        var hits = seeds.Site.Search("workload management tool").Hits;
        Assert.Equal([Masterclass, "/2025/10/napo-agm-2025.html"], hits.Select(h => h.Meta.Url));
        Assert.True(hits[1].Score > hits[0].Score); // the tier decides, not the score
    }

    [Fact]
    public void CommonCompletionsAreLeftOutOnlyOnLargeArchives()
    {
        Assert.False(QueryPlanner.IsCommon(2, 11));      // 2 of 11 posts
        Assert.False(QueryPlanner.IsCommon(64, 100));    // below the floor
        Assert.True(QueryPlanner.IsCommon(65, 100));
        Assert.False(QueryPlanner.IsCommon(1250, 10_000));
        Assert.True(QueryPlanner.IsCommon(1251, 10_000)); // "they" beside "the" at 10,000 posts
    }

    [Fact]
    public void AHyphenatedWordAlsoMatchesItsJoinedSpelling()
    {
        Assert.Equal(6, Urls("reoffending ").Count);
        Assert.Equal(Urls("reoffending ").Order(), Urls("re-offending ").Order());
        Assert.Equal(3, Urls("email ").Count);
        Assert.Equal(Urls("email ").Order(), Urls("e-mail ").Order());
        Assert.Superset(Urls("reoffending ").ToHashSet(), Urls("re-offen").ToHashSet()); // while typing, through the joined form
        Assert.Contains("reprofessionalis", seeds.Site.Search("re-professionalise").Plan.RequiredTerms);
    }

    [Fact]
    public void ACompoundsShortLastPartIsHeldBackWhileTyped()
    {
        var hmpps = Urls("HMPPS ", 50);
        Assert.NotEmpty(hmpps);
        Assert.Equal(hmpps.Order(), Urls("HMPPS/Mo", 50).Order());
        Assert.Equal(hmpps.Order(), Urls("HMPPS/M", 50).Order());
        var moj = Urls("HMPPS/MoJ", 50);
        Assert.NotEmpty(moj);
        Assert.Subset(hmpps.ToHashSet(), moj.ToHashSet());
        Assert.Empty(Urls("HMPPS/Mo ")); // finished: matched as typed
    }

    [Fact]
    public void TypoToleranceOnlyWhenExactMatchingFindsLittle()
    {
        var typo = seeds.Site.Search("Harehlls");
        Assert.True(typo.Widened);
        Assert.Equal(Plans, typo.Hits[0].Meta.Url);
        Assert.False(seeds.Site.Search("probation").Widened);
        Assert.Empty(Urls("Hx")); // too short to correct
    }

    [Fact]
    public void TyposInTheFirstTwoLettersAreFoundInTheirOwnPages()
    {
        Assert.Equal(["ugernsey", "geurnsey", "uernsey", "gernsey"], TypoExpander.FarVariants("guernsey"));
        foreach (var typo in new[] { "Geurnsey", "uGernsey", "xGuernsey", "Gxuernsey" })
        {
            var results = seeds.Site.Search(typo + " ");
            Assert.True(results.Widened, typo);
            Assert.Equal("c3", results.Hits[0].Where);
        }
        Assert.Empty(Urls("Xuernsey ")); // a substitution of the first letter stays out of reach
    }

    [Fact]
    public void CorrectionsReadAtMostThreePagesBeyondTheWordsOwn()
    {
        var reader = seeds.Site.Engine().Reader;
        var own = reader.PageIndex(0, "guernsey");
        var far = Enumerable.Range(0, reader.Entry.Segments[0].Pages.Count).Where(p => Math.Abs(p - own) > TypoExpander.PageReach).ToList();
        Assert.True(far.Count >= 4, $"{reader.Entry.Segments[0].Pages.Count} pages: too few to test the limit"); // the seeds' index has enough
        var pages = new CorrectionPages(reader, "guernsey");
        Assert.Equal([true, true, true, false], far.Take(4).Select(p => pages.Admit(0, p)));
        Assert.True(pages.Admit(0, far[0]));  // admitted already
        Assert.True(pages.Admit(0, own + 1)); // the word's own neighbourhood is always read
        Assert.False(pages.Near(0, far[0]));
    }

    [Fact]
    public void ExactMatchesStayAboveCorrections()
    {
        var results = seeds.Site.Search("teachers pay rise");
        Assert.Equal(Plans, results.Hits[0].Meta.Url);
    }

    [Fact]
    public void YearFilterAndDateOrder()
    {
        var engine = seeds.Site.Engine();
        var in2025 = engine.Search(new SearchRequest("probation") { FromYear = 2025, ToYear = 2025, Limit = 50 }).Hits;
        Assert.NotEmpty(in2025);
        Assert.All(in2025, h => Assert.StartsWith("2025-", h.Meta.Date));
        var before = engine.Search(new SearchRequest("probation") { ToYear = 2024, Limit = 50 }).Hits.Select(h => h.Meta.Url).ToList();
        Assert.Equal([Plans, Masterclass], before.Order(StringComparer.Ordinal).Reverse());

        var byDate = engine.Search(new SearchRequest("probation") { Order = SearchOrder.Date, Limit = 50 }).Hits.Select(h => h.Meta.Date).ToList();
        Assert.Equal(byDate.OrderDescending(StringComparer.Ordinal), byDate);
    }

    [Fact]
    public void ScoresAreOrderedAndTitlesWeighMore()
    {
        var hits = seeds.Site.Search("masterclass").Hits;
        Assert.Equal(Masterclass, hits[0].Meta.Url); // in the title, and only there
        var napo = seeds.Site.Search("napo", 50).Hits;
        Assert.Equal(napo.Select(h => h.Score).OrderDescending(), napo.Select(h => h.Score));
        Assert.Equal("/2025/10/napo-agm-2025.html", napo[0].Meta.Url); // title and body
    }

    [Fact]
    public void RareWordsOutweighCommonOnes()
    {
        // Every post has "the"; only one has "Guernsey": the rare word decides the order.
        var hits = seeds.Site.Search("the guernsey").Hits;
        Assert.Single(hits);
        Assert.Equal("c3", hits[0].Where);
        var the = seeds.Site.Search("the", 50);
        Assert.Equal(seeds.Site.Posts.Count, the.Total);
    }

    [Fact]
    public void EmptyAndPunctuationOnlyQueriesFindNothing()
    {
        Assert.Empty(Urls(""));
        Assert.Empty(Urls("  \"\" - ... "));
    }
}
