using Archivist.Output;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

/// <summary>
/// Incremental builds: nothing changed rewrites nothing; one seed more rewrites exactly the pages that
/// show it; a removed seed's files go; same inputs give the same bytes; the output is only ever ours.
/// </summary>
public class IncrementalBuildTests : IDisposable
{
    private readonly TestSite _site = new();

    public IncrementalBuildTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body.", "First.", "Second."));
        _site.AddSeed("b.txt", SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Bravo body."));
        _site.AddSeed("c.txt", SeedText.Post("Monday, 15 September 2025", "Charlie", "Charlie body.", "Only one."));
        _site.AddSeed("d.txt", SeedText.Post("Wednesday, 1 May 2024", "Delta", "Delta body."));
        _site.AddSeed("e.txt", SeedText.Post("Sunday, 1 January 2023", "Echo", "Echo body."));
    }

    public void Dispose() => _site.Dispose();

    private SortedSet<string> Rewritten(SortedDictionary<string, DateTime> before)
    {
        var after = _site.Times();
        return new SortedSet<string>(after.Where(f => !before.TryGetValue(f.Key, out var t) || t != f.Value).Select(f => f.Key), StringComparer.Ordinal);
    }

    [Fact]
    public void SecondBuildWithNothingChangedIsANoOp()
    {
        _site.Build();
        _site.AgeOutput();
        var before = _site.Times();
        var result = _site.Build();
        Assert.True(result.NoOp);
        Assert.Empty(Rewritten(before));
    }

    [Fact]
    public void ADamagedSearchIndexInTheCacheIsBuiltAgainWithANote()
    {
        _site.Build();
        var before = _site.Files();
        var lucene = Path.Combine(_site.Cache, "search", Archivist.Search.Indexing.IndexOfRecord.FolderName);
        foreach (var file in Directory.GetFiles(lucene)) File.WriteAllText(file, "damaged");
        var result = _site.Build(force: true); // (not a no-op, which never reaches the search index)
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Info && d.Message.Contains("search index", StringComparison.Ordinal));
        Assert.Equal(before, _site.Files());
    }

    [Fact]
    public void ForcedRebuildStillRewritesNothingThatIsTheSame()
    {
        _site.Build();
        _site.AgeOutput();
        var before = _site.Times();
        var result = _site.Build(force: true);
        Assert.False(result.NoOp);
        Assert.Equal(0, result.Kept); // every page was rendered again…
        Assert.Empty(Rewritten(before)); // …and none differed, so none was written
    }

    [Fact]
    public void AddingASeedRewritesOnlyWhatShowsIt()
    {
        _site.AddSeed("z.txt", SeedText.Post("Saturday, 1 January 2022", "Zulu", "Zulu body.")); // six posts: the home page and /page/1/
        _site.Build();
        _site.AgeOutput();
        var before = _site.Times();
        _site.AddSeed("f.txt", SeedText.Post("Sunday, 12 October 2025", "Foxtrot", "Foxtrot body."));
        var result = _site.Build();

        Assert.Equal(6, result.CacheHits); // only the new seed was parsed
        string[] expected =
        [
            "2025/10/foxtrot.html", "2025/10/foxtrot.md",  // the new post
            "2025/10/alpha.html",                          // its older neighbour's "newer post" link
            "index.html",                                  // the home page, now four posts; /page/1/ (the oldest three) stays as it was
            "2025/10/index.html", "2025/index.html", "archive/index.html", // its month, year and the counts
            "feed.xml", "sitemap.xml",
        ];
        var rewritten = Rewritten(before);
        Assert.Equal(expected.Order(StringComparer.Ordinal), rewritten.Where(p => !p.StartsWith("search-index/", StringComparison.Ordinal)));
        // The search index takes the new post in: its entry file changes; which shards change is the index's own test.
        Assert.Contains("search-index/index.json", rewritten);
    }

    [Fact]
    public void ANewPostIsRelatedToOlderOnesWithoutChangingTheirPagesAndTheSiteIsWhatACleanBuildMakes()
    {
        _site.AddSeed("p1.txt", SeedText.Post("Monday, 5 May 2025", "Prison places", "Remand fills prison places; overcrowding in every prison."));
        _site.AddSeed("p2.txt", SeedText.Post("Tuesday, 6 May 2025", "Overcrowding", "Overcrowding: remand prisoners and prison places."));
        _site.Build();
        Assert.Contains("/2025/05/prison-places.html", _site.Read("2025/05/overcrowding.html")); // listed as related
        _site.AgeOutput();
        var before = _site.Times();
        _site.AddSeed("p3.txt", SeedText.Post("Friday, 31 October 2025", "Remand", "Prison places, remand and overcrowding again."));
        var result = _site.Build();

        Assert.Equal(1, result.Related!.Computed); // the new post's list alone
        var page = _site.Read("2025/10/remand.html");
        var related = page[page.IndexOf("related-posts", StringComparison.Ordinal)..page.IndexOf("</nav>", page.IndexOf("related-posts", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("/2025/05/overcrowding.html", related);
        Assert.Contains("/2025/05/prison-places.html", related);
        var rewritten = Rewritten(before);
        Assert.DoesNotContain("2025/05/prison-places.html", rewritten);
        Assert.DoesNotContain("2025/05/overcrowding.html", rewritten);

        var clean = Path.Combine(_site.Root, "clean");
        _site.Build(useCache: false, output: clean);
        var incremental = _site.Files();
        var fresh = _site.Files(clean);
        Assert.Equal(fresh.Keys, incremental.Keys);
        foreach (var (path, bytes) in fresh) Assert.True(bytes.AsSpan().SequenceEqual(incremental[path]), $"{path} differs");
    }

    [Fact]
    public void ASearchIndexInUseByAnotherBuildFailsTheBuildWithThatErrorAndTheSiteAsItWas()
    {
        _site.Build();
        var before = _site.Files();
        var lucene = Path.Combine(_site.Cache, "search", Archivist.Search.Indexing.IndexOfRecord.FolderName);
        using (var directory = Lucene.Net.Store.FSDirectory.Open(lucene))
        using (new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Archivist.Search.Analysis.ArchivistAnalyzer.Version, null)))
        {
            _site.AddSeed("f.txt", SeedText.Post("Sunday, 12 October 2025", "Foxtrot", "Foxtrot body."));
            // Post pages wait for the related posts the search stage reads from the index: its error is the build's, unwrapped.
            var error = Assert.Throws<IOException>(() => _site.Build());
            Assert.Contains("in use by another build", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, _site.Files());
    }

    [Fact]
    public void RemovingASeedRemovesItsFiles()
    {
        _site.Build();
        _site.RemoveSeed("d.txt");
        _site.Build();
        Assert.False(_site.Exists("2024/05/delta.html"));
        Assert.False(_site.Exists("2024/05/delta.md"));
        Assert.False(_site.Exists("2024/05/index.html"));
        Assert.False(_site.Exists("2024/index.html"));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "2024")));
        Assert.DoesNotContain("2024", _site.Read("archive/index.html"));
        Assert.Contains("/2023/01/echo.html", _site.Read("2025/09/charlie.html")); // Charlie's older neighbour is now Echo
    }

    [Fact]
    public void EditingAGeneratedFileByHandIsRepairedByTheNextBuild()
    {
        _site.Build();
        var original = _site.Read("index.html");
        File.WriteAllText(Path.Combine(_site.Output, "index.html"), "edited");
        var result = _site.Build();
        Assert.False(result.NoOp);
        Assert.Equal(original, _site.Read("index.html"));
    }

    [Fact]
    public void ChangingATemplateRerendersPagesButLeavesIdenticalFilesAlone()
    {
        _site.Build();
        _site.AgeOutput();
        var before = _site.Times();
        File.AppendAllText(Path.Combine(_site.Templates, "partials", "footer.sbn-html"), "<!-- restyled -->");
        _site.Build();
        var rewritten = Rewritten(before);
        Assert.Contains("index.html", rewritten);
        Assert.Contains("2025/10/alpha.html", rewritten);
        Assert.DoesNotContain("2025/10/alpha.md", rewritten);
        Assert.DoesNotContain("feed.xml", rewritten);
        Assert.Contains("<!-- restyled -->", _site.Read("404.html"));
    }

    [Fact]
    public void TurningSearchFragmentsOnAndOffRewritesTheIndexAndNoPage()
    {
        _site.Build();
        _site.AgeOutput();
        var before = _site.Times();
        _site.Options = _site.Options with { SearchFragments = true };
        Assert.False(_site.Build().NoOp); // a setting no page shows still counts as a change
        var rewritten = Rewritten(before);
        Assert.Contains(rewritten, f => f.StartsWith("search-index/f/", StringComparison.Ordinal));
        Assert.Contains("search-index/index.json", rewritten);
        Assert.DoesNotContain(rewritten, f => !f.StartsWith("search-index/", StringComparison.Ordinal));

        _site.Options = _site.Options with { SearchFragments = false };
        _site.Build();
        Assert.DoesNotContain(_site.Times().Keys, f => f.StartsWith("search-index/f/", StringComparison.Ordinal)); // its own files, so it removes them
    }

    [Fact]
    public void SameInputsGiveByteIdenticalOutput()
    {
        _site.Build(useCache: false);
        var other = Path.Combine(_site.Root, "out2");
        _site.Build(output: other); // through the cache this time: same bytes either way
        var first = _site.Files();
        var second = _site.Files(other);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs");
    }

    [Fact]
    public void ADamagedCacheIsIgnoredAndRebuilt()
    {
        _site.Build();
        var expected = _site.Files();
        foreach (var file in Directory.EnumerateFiles(_site.Cache, "*", SearchOption.AllDirectories))
            File.WriteAllText(file, "garbage");
        var result = _site.Build(force: true);
        Assert.Equal(0, result.CacheHits);
        Assert.Equal(expected.Keys, _site.Files().Keys);
        Assert.Equal(1, _site.Build().NoOp ? 1 : 0);
    }

    [Fact]
    public void RefusesAFolderItDidNotCreate()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Path.Combine(_site.Output, "precious.txt"), "mine");
        var e = Assert.Throws<OutputFolderException>(() => _site.Build());
        Assert.Contains("did not generate", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Output, "precious.txt")));
    }

    [Fact]
    public void AFailedBuildLeavesThePreviousSiteIntact()
    {
        _site.Build();
        var before = _site.Files();
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "post.sbn-html"), "{{ for }}broken");
        Assert.ThrowsAny<Exception>(() => _site.Build());
        var after = _site.Files();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        Assert.False(Directory.Exists(Path.Combine(_site.Output, OutputFolder.StagingFolderName)));
    }

    [Fact]
    public void ASecondBuildOnTheSameFolderWaitsThenRefuses()
    {
        _site.Build();
        using var held = OutputFolder.Open(_site.Output, TimeSpan.Zero);
        var e = Assert.Throws<OutputFolderException>(() => Archivist.Build.SiteBuilder.Build(new Archivist.Build.BuildRequest
        {
            SeedsDirectory = _site.Seeds, OutputDirectory = _site.Output, TemplatesDirectory = _site.Templates,
            Options = _site.Options, LockWait = TimeSpan.FromMilliseconds(300),
        }, new Archivist.Build.SilentObserver()));
        Assert.Contains("another archivist build", e.Message);
    }

    [Fact]
    public void TwoBuildsOfTheSameSeedsIntoTwoFoldersAreByteIdenticalManifestIncluded()
    {
        _site.Build();
        Thread.Sleep(20); // file times differ between the two builds; nothing published may record them
        var other = Path.Combine(_site.Root, "out2");
        _site.Build(output: other);
        var first = Everything(_site.Output);
        var second = Everything(other);
        Assert.Contains(OutputManifest.FileName, first.Keys);
        Assert.DoesNotContain(OutputFolder.LockFileName, first.Keys); // not left behind, so never published
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs");
    }

    [Fact]
    public void ANewPostOverAFileArchivistDidNotGenerateFailsTheBuildAndLeavesTheSiteAsItWas()
    {
        _site.Build();
        var before = _site.Files();
        var mine = Path.Combine(_site.Output, "2025", "10", "foxtrot.html");
        File.WriteAllText(mine, "my own page");
        _site.AddSeed("f.txt", SeedText.Post("Sunday, 12 October 2025", "Foxtrot", "Foxtrot body."));
        var e = Assert.Throws<OutputFolderException>(() => _site.Build());
        Assert.Contains("2025/10/foxtrot.html", e.Message);
        Assert.Equal("my own page", File.ReadAllText(mine));
        var after = _site.Files();
        after.Remove("2025/10/foxtrot.html");
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    /// <summary>An edit that keeps the seed's size and modification time, as <c>cp -p</c> or <c>touch -r</c> leaves it.</summary>
    private void EditKeepingSizeAndTime()
    {
        var path = Path.Combine(_site.Seeds, "a.txt");
        var time = File.GetLastWriteTimeUtc(path);
        var before = File.ReadAllText(path);
        var after = before.Replace("Alpha body.", "Alpha BODY.");
        Assert.Equal(before.Length, after.Length);
        File.WriteAllText(path, after);
        File.SetLastWriteTimeUtc(path, time);
    }

    [Fact]
    public void AForcedBuildSeesAnEditThatKeptTheSeedsSizeAndTime()
    {
        _site.Build();
        EditKeepingSizeAndTime();
        var forced = _site.Build(force: true);
        Assert.False(forced.NoOp);
        Assert.Contains("Alpha BODY.", _site.Read("2025/10/alpha.html"));
        Assert.True(_site.Build(force: true).Kept >= 0); // and again: never a lasting failure
    }

    [Fact]
    public void ABuildThatRendersAPostWhoseSeedChangedUnseenReadsItAgainInsteadOfFailing()
    {
        _site.Build();
        EditKeepingSizeAndTime();
        _site.Options = _site.Options with { Title = "Renamed" }; // every page renders again, the edited post's too
        _site.Build();
        Assert.Contains("Alpha BODY.", _site.Read("2025/10/alpha.html"));
        _site.Options = _site.Options with { Title = "Renamed again" };
        _site.Build(); // the remembered hash is right now: no second read needed, and no failure
        Assert.Contains("Alpha BODY.", _site.Read("2025/10/alpha.html"));
    }

    /// <summary>Every file in a folder, the tool's bookkeeping included.</summary>
    private static SortedDictionary<string, byte[]> Everything(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
