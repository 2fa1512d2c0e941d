using Archivist.Build;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

/// <summary>
/// The seed cache gives back posts without their texts, which it reads when a stage asks (from the seed, parsed
/// again), equal to a fresh parse; a seed edited under the build is an error, never a stale page.
/// </summary>
public class SeedCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("archivist-seed-cache").FullName;
    private string Seeds => Path.Combine(_dir, "seeds");
    private string Cache => Path.Combine(_dir, "cache");

    public SeedCacheTests()
    {
        Directory.CreateDirectory(Seeds);
        File.WriteAllText(Path.Combine(Seeds, "a.txt"), SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body.", "First.", "Second."));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (SeedFileResult Result, bool Hit) Load() => Load(new SeedCache(Cache, "test"));

    private (SeedFileResult Result, bool Hit) Load(SeedCache cache)
    {
        var file = SeedInventory.Take(Seeds, Cache).Single();
        var result = cache.Load(file, out var hit);
        return (result, hit);
    }

    private string Entry => Directory.GetFiles(Path.Combine(Cache, "seeds")).Single();

    [Fact]
    public void CachedPostsComeWithoutTheirTextsWhichTheCacheReadsWhenAsked()
    {
        var (parsed, firstHit) = Load();
        var cache = new SeedCache(Cache, "test");
        var (cached, hit) = Load(cache);
        Assert.False(firstHit);
        Assert.True(hit);
        var post = cached.Posts.Single().Post;
        var fresh = parsed.Posts.Single().Post;
        Assert.Null(post.Text);
        Assert.Equal(2, post.CommentCount);                 // known without the texts…
        Assert.Equal(fresh.ContentDigest, post.ContentDigest);
        Assert.Equal(fresh, post);
        Assert.Equal(fresh.Text, cache.Of(post));           // …which read back equal when asked for
        Assert.Null(post.Text);                             // and the post still carries none
    }

    [Fact]
    public void TheCacheHoldsNoSecondCopyOfTheText()
    {
        Load();
        Assert.Equal(-1, File.ReadAllBytes(Entry).AsSpan().IndexOf("Alpha body."u8));
        var cache = new SeedCache(Cache, "test");
        var (cached, _) = Load(cache);
        Assert.Equal("Alpha body.", cache.Of(cached.Posts.Single().Post).Body); // read from the seed itself
    }

    [Fact]
    public void ASeedEditedUnderTheBuildIsAnError()
    {
        Load();
        var cache = new SeedCache(Cache, "test");
        var (cached, hit) = Load(cache);
        Assert.True(hit);
        File.WriteAllText(Path.Combine(Seeds, "a.txt"), SeedText.Post("Thursday, 9 October 2025", "Alpha", "Edited body."));
        Assert.Throws<SeedChangedException>(() => cache.Of(cached.Posts.Single().Post));
    }

    [Fact]
    public void ATruncatedEntryIsAMiss()
    {
        Load();
        var bytes = File.ReadAllBytes(Entry);
        File.WriteAllBytes(Entry, bytes[..^3]);
        var (again, hit) = Load();
        Assert.False(hit);
        Assert.NotNull(again.Posts.Single().Post.Text); // parsed afresh
    }

}
