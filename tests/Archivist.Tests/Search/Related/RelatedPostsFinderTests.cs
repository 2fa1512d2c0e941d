using Archivist.Content;
using Archivist.Search;
using Archivist.Search.Indexing;
using Archivist.Search.Related;
using Archivist.Tests.Search.Support;

namespace Archivist.Tests.Search.Related;

/// <summary>
/// Related posts as the search stage works them out from the Lucene index of record: older posts on the same subject,
/// best first; a list that depends only on the post and the posts before it, so an incremental build (from the cache,
/// relating only new posts) gives what a clean build gives.
/// </summary>
public sealed class RelatedPostsFinderTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("archivist-related").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Builds the index of record of <paramref name="posts"/> (in the cache, or in memory) and relates its posts.</summary>
    private static RelatedPosts Relate(IReadOnlyList<Post> posts, string? cache)
    {
        RelatedPosts? found = null;
        SearchIndexBuilder.Build(posts, PostTexts.Carried, new SearchIndexOptions { CacheDirectory = cache }, null, _ => false,
            (index, documents) => found = RelatedPostsFinder.Find(index, documents, cache));
        return found!;
    }

    private static Post Post(string slug, DateOnly? date, string title, string body) => new()
    {
        Title = title, Date = date, Slug = slug, Url = date is { } d ? $"/{d:yyyy}/{d:MM}/{slug}.html" : $"/undated/{slug}.html",
        Sources = new[] { slug + ".txt" }, Text = new PostText(body, []),
    };

    private static DateOnly Day(int day) => new(2024, 3, day);

    /// <summary>Posts on other subjects, sharing none of the tests' words but the commonest, dated in February: an archive around them.</summary>
    private static IEnumerable<Post> Others() =>
        new[]
        {
            "Tomatoes and roses in the allotment, compost for the roses.",
            "The football season ended in May; the league table and goals.",
            "A recipe: bake the bread, knead the dough, prove it overnight in the fridge.",
            "Rain and wind all week in the hills; the weather forecast promises sun.",
            "The trains ran late again, signalling faults and cancelled services.",
            "Choir practice and the concert: hymns, anthems and a piano.",
        }.Select((body, i) => Post($"other-{i}", new DateOnly(2024, 2, i + 1), $"Other {i}", body));

    private static void AssertSame(RelatedPosts expected, RelatedPosts actual)
    {
        Assert.Equal(expected.ByUrl.Keys.Order(StringComparer.Ordinal), actual.ByUrl.Keys.Order(StringComparer.Ordinal));
        foreach (var (url, list) in expected.ByUrl) Assert.Equal(list, actual.ByUrl[url]);
    }

    [Fact]
    public void APostIsRelatedToOlderPostsOnItsSubjectBestFirstAndNeverToNewerOnes()
    {
        IReadOnlyList<Post> posts =
        [
            .. Others(),
            Post("prisons", Day(2), "Prison places", "The prison estate is full: prison places, remand and overcrowding in every prison."),
            Post("union", Day(3), "Napo conference", "The union met; Napo members voted on pay and workloads."),
            Post("remand", Day(4), "Remand numbers", "Remand numbers fill prison places; overcrowding is the norm."),
            Post("overcrowding", Day(5), "Overcrowding", "Overcrowding in the prison estate: remand prisoners, prison places, early release."),
            Post("later", Day(6), "Prison places revisited", "Prison places, remand, overcrowding, the prison estate."),
        ];
        var related = Relate(posts, cache: null).ByUrl;

        // The post sharing more of its telling words first; none that shares only common words, no newer post.
        Assert.Equal(["/2024/03/prisons.html", "/2024/03/remand.html"], related["/2024/03/overcrowding.html"]);
        Assert.Equal(["/2024/03/prisons.html"], related["/2024/03/remand.html"]); // not "overcrowding" or "later", though they fit
        Assert.Empty(related["/2024/03/prisons.html"]);
        Assert.Empty(related["/2024/03/union.html"]);
        Assert.Empty(related["/2024/02/other-0.html"]); // the oldest post has nothing before it
        Assert.Equal(["/2024/03/overcrowding.html", "/2024/03/prisons.html", "/2024/03/remand.html"], related["/2024/03/later.html"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UndatedPostsAreTheOldestAsInTheArchive()
    {
        IReadOnlyList<Post> posts =
        [
            .. Others(),
            Post("dated", Day(1), "Probation hostels", "Approved premises and probation hostels, hostel beds."),
            Post("undated", null, "Hostels", "Probation hostels and approved premises: hostel beds again."),
        ];
        var related = Relate(posts, cache: null).ByUrl;
        Assert.Equal(["/undated/undated.html"], related["/2024/03/dated.html"]);
        Assert.Empty(related["/undated/undated.html"]);
    }

    [Fact]
    public void EqualScoresGoToTheNewerPostAndCopiesOfThePostItselfAreLeftOut()
    {
        const string text = "Electronic tagging contracts and tag monitoring failures.";
        IReadOnlyList<Post> posts =
        [
            .. Others(),
            Post("a", Day(1), "Tagging one", text),
            Post("b", Day(2), "Tagging two", text),
            Post("copy", Day(3), "Tagging", text + " An earlier copy."), // the same post found twice, its text edited
            Post("post", Day(3), "Tagging", text),
        ];
        var related = Relate(posts, cache: null).ByUrl;
        Assert.Equal(["/2024/03/b.html", "/2024/03/a.html"], related["/2024/03/post.html"]);
    }

    [Fact]
    public void AddingPostsOneByOneRelatesOnlyEachNewPostAndGivesWhatACleanBuildGives()
    {
        var (generated, _) = SearchTestSite.Generated(80);
        var ordered = DocumentOrder.Assign(generated);
        var clean = Relate(ordered, cache: null);
        Assert.True(clean.ReadWholeIndex);
        Assert.Equal(ordered.Count, clean.Computed);
        Assert.Contains(clean.ByUrl.Values, list => list.Count == RelatedScorer.Listed);

        var first = Relate(ordered.Take(70).ToList(), _cache);
        Assert.Equal(70, first.Computed);
        for (var n = 71; n <= ordered.Count; n++)
        {
            var step = Relate(ordered.Take(n).ToList(), _cache);
            Assert.Equal(1, step.Computed); // from the index: the new post's terms and their postings, not a walk of it all
            Assert.False(step.ReadWholeIndex);
            foreach (var post in ordered.Take(n)) Assert.Equal(clean.ByUrl[post.Url], step.ByUrl[post.Url]);
        }
        var again = Relate(ordered, _cache);
        Assert.Equal(0, again.Computed);
        AssertSame(clean, again);
    }

    [Fact]
    public void AnEditedOlderPostRelatesThePostsAfterItAgain()
    {
        var (generated, _) = SearchTestSite.Generated(40);
        var ordered = DocumentOrder.Assign(generated);
        Relate(ordered, _cache);
        var edited = ordered.Select((p, i) => i == 30 ? p with { Text = p.Text! with { Body = p.Text.Body + " zebrafish" } } : p).ToList();
        var after = Relate(edited, _cache);
        Assert.Equal(ordered.Count - 30, after.Computed);
        AssertSame(Relate(edited, cache: null), after);
    }

    [Fact]
    public void ADamagedCacheIsWorkedOutAgain()
    {
        var (generated, _) = SearchTestSite.Generated(30);
        var ordered = DocumentOrder.Assign(generated);
        var clean = Relate(ordered, _cache);
        var file = Path.Combine(_cache, RelatedCache.FileName);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        var again = Relate(ordered, _cache);
        Assert.Equal(ordered.Count, again.Computed);
        AssertSame(clean, again);
    }

    [Fact]
    public void CacheKeysAreTheHashesEarlierVersionsSavedTheListsUnder()
    {
        // A cache written by an earlier build of the tool keeps its lists: each key is SHA-256 chained over the posts in
        // document order, fed value by value (the way earlier versions computed it, worked out here apart from the tool).
        var (generated, _) = SearchTestSite.Generated(12);
        var ordered = DocumentOrder.Assign(generated);
        var expected = new List<string>();
        using (var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"archivist-related-1|{IndexOfRecord.Version}|{RelatedScorer.Settings}"));
            var chain = hash.GetHashAndReset();
            foreach (var post in ordered)
            {
                hash.AppendData(chain);
                foreach (var text in new[] { post.Url, post.ContentDigest })
                {
                    hash.AppendData(BitConverter.GetBytes(text.Length));
                    hash.AppendData(System.Text.Encoding.Unicode.GetBytes(text));
                }
                chain = hash.GetHashAndReset();
                expected.Add(Convert.ToHexStringLower(chain[..16]));
            }
        }
        Assert.Equal(expected, RelatedCache.Keys(ordered));
    }
}
