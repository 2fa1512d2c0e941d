using Archivist.Content;

namespace Archivist.Build;

/// <summary>The seeds stage of a build: every seed file through the <see cref="SeedCache"/>, then assembled into posts.</summary>
public static class CachedContentLoader
{
    public sealed record Loaded(ContentSet Content, int CacheHits);

    /// <param name="skipped">Warnings about what in the seeds folder was not read; each counts as a skipped file.</param>
    /// <param name="reserved">Paths the site's own pages use: no post is placed on them.</param>
    public static Loaded Load(IReadOnlyList<SeedFileInfo> files, IReadOnlyList<Diagnostic> skipped, SeedCache cache, PermalinkPattern pattern,
        ReservedPaths reserved, Action<int, int, string>? progress = null)
    {
        var results = new SeedFileResult[files.Count + skipped.Count];
        for (var i = 0; i < skipped.Count; i++) results[files.Count + i] = SeedFileResult.NotRead(skipped[i]);
        var hits = 0;
        var done = 0;
        Parallel.For(0, files.Count, i =>
        {
            results[i] = cache.Load(files[i], out var hit);
            if (hit) Interlocked.Increment(ref hits);
            progress?.Invoke(Interlocked.Increment(ref done), files.Count, files[i].Name);
        });
        return new Loaded(ContentAssembler.Assemble(results, pattern, reserved), hits);
    }
}
