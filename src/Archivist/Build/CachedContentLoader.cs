using Archivist.Content;

namespace Archivist.Build;

/// <summary>The seeds stage of a build: every seed file through the <see cref="SeedCache"/>, then assembled into posts.</summary>
public static class CachedContentLoader
{
    public sealed record Loaded(ContentSet Content, int CacheHits);

    public static Loaded Load(IReadOnlyList<SeedFileInfo> files, SeedCache cache, PermalinkPattern pattern, Action<int, int, string>? progress = null)
    {
        var results = new SeedFileResult[files.Count];
        var hits = 0;
        var done = 0;
        Parallel.For(0, files.Count, i =>
        {
            results[i] = cache.Load(files[i], out var hit);
            if (hit) Interlocked.Increment(ref hits);
            progress?.Invoke(Interlocked.Increment(ref done), files.Count, files[i].Name);
        });
        return new Loaded(ContentAssembler.Assemble(results, pattern), hits);
    }
}
