using Archivist.Build;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

/// <summary>
/// The cache deletes only what it wrote: old entries of its own, recognised by their content, in a folder it marked
/// as its own. Files it did not write survive pruning, whatever their names.
/// </summary>
public class CacheSafetyTests : IDisposable
{
    private readonly TestSite _site = new();

    public CacheSafetyTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        _site.AddSeed("b.txt", SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Bravo body."));
    }

    public void Dispose() => _site.Dispose();

    private string CacheSeeds => Path.Combine(_site.Cache, "seeds");

    [Fact]
    public void PruningDeletesOldEntriesButNoFileTheCacheDidNotWrite()
    {
        _site.Build();
        Assert.True(File.Exists(Path.Combine(_site.Cache, ".archivist-cache")));
        var foreign = new[] { Path.Combine(CacheSeeds, "notes.txt"), Path.Combine(CacheSeeds, "0123456789abcdef.bin") };
        File.WriteAllText(foreign[0], "mine");
        File.WriteAllBytes(foreign[1], [1, 2, 3, 4, 5]);

        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body, edited."));
        _site.Build();

        Assert.All(foreign, f => Assert.True(File.Exists(f), $"{f} was deleted by the cache"));
        var entries = Directory.GetFiles(CacheSeeds).Except(foreign).ToList();
        Assert.Equal(2, entries.Count); // the edited seed's old entry is gone, the current two stay
    }

    [Fact]
    public void ACacheFolderThatHeldOtherFilesIsUsedButNeverPruned()
    {
        // A folder of the user's own given as --cache: one of its files happens to look like an old cache entry.
        _site.Build();
        var entry = Directory.GetFiles(CacheSeeds).First();
        var theirs = Path.Combine(_site.Root, "theirs");
        Directory.CreateDirectory(Path.Combine(theirs, "seeds"));
        File.WriteAllText(Path.Combine(theirs, "diary.txt"), "mine");
        var lookalike = Path.Combine(theirs, "seeds", "old.bin");
        File.Copy(entry, lookalike);

        var result = SiteBuilder.Build(new BuildRequest
        {
            SeedsDirectory = _site.Seeds, OutputDirectory = Path.Combine(_site.Root, "out2"), TemplatesDirectory = _site.Templates,
            Options = _site.Options, CacheDirectory = theirs, LockWait = TimeSpan.FromSeconds(5),
        }, new SilentObserver());

        Assert.False(result.NoOp);
        Assert.True(File.Exists(lookalike), "an unmarked cache folder was pruned");
        Assert.False(File.Exists(Path.Combine(theirs, ".archivist-cache")));
    }
}
