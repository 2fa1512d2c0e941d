using Archivist.Build;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

/// <summary>
/// The seed cache gives back posts whose texts load on first use (from the seed, parsed again), equal to a
/// fresh parse; a seed edited under the build is an error, never a stale page.
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

    private (SeedFileResult Result, bool Hit) Load()
    {
        var file = SeedInventory.Take(Seeds, Cache).Single();
        var result = new SeedCache(Cache, "test").Load(file, out var hit);
        return (result, hit);
    }

    private string Entry => Directory.GetFiles(Path.Combine(Cache, "seeds")).Single();

    [Fact]
    public void CachedPostsLoadTheirTextsOnlyWhenRead()
    {
        var (parsed, firstHit) = Load();
        var (cached, hit) = Load();
        Assert.False(firstHit);
        Assert.True(hit);
        var post = cached.Posts.Single().Post;
        Assert.False(post.IsTextLoaded);
        Assert.Equal(2, post.CommentCount);                 // known without the texts…
        Assert.Equal(parsed.Posts.Single().Post.Digest, post.Digest);
        Assert.False(post.IsTextLoaded);
        Assert.Equal(parsed.Posts.Single().Post, post);     // …which read back equal when asked for
        Assert.True(post.IsTextLoaded);
    }

    [Fact]
    public void TheCacheHoldsNoSecondCopyOfTheText()
    {
        Load();
        Assert.Equal(-1, File.ReadAllBytes(Entry).AsSpan().IndexOf("Alpha body."u8));
        var (cached, _) = Load();
        Assert.Equal("Alpha body.", cached.Posts.Single().Post.Body); // read from the seed itself
    }

    [Fact]
    public void ASeedEditedUnderTheBuildIsAnError()
    {
        Load();
        var (cached, hit) = Load();
        Assert.True(hit);
        File.WriteAllText(Path.Combine(Seeds, "a.txt"), SeedText.Post("Thursday, 9 October 2025", "Alpha", "Edited body."));
        Assert.Throws<SeedChangedException>(() => cached.Posts.Single().Post.Body);
    }

    [Fact]
    public void ATruncatedEntryIsAMiss()
    {
        Load();
        var bytes = File.ReadAllBytes(Entry);
        File.WriteAllBytes(Entry, bytes[..^3]);
        var (again, hit) = Load();
        Assert.False(hit);
        Assert.True(again.Posts.Single().Post.IsTextLoaded); // parsed afresh
    }

}
