using Archivist.Seeds;

namespace Archivist.Content;

/// <summary>Reads a seeds folder into a <see cref="ContentSet"/>, parsing files in parallel.</summary>
public static class ContentLoader
{
    public static ContentSet Load(string seedsDirectory, PermalinkPattern pattern, IProgress<string>? fileDone = null, ReservedPaths? reserved = null)
    {
        var (files, skipped) = SeedReader.Scan(seedsDirectory);
        var results = new SeedFileResult[files.Count + skipped.Count];
        for (var i = 0; i < skipped.Count; i++) results[files.Count + i] = SeedFileResult.NotRead(skipped[i]);
        Parallel.For(0, files.Count, i =>
        {
            results[i] = SeedFileLoader.Load(files[i].Path, files[i].Name);
            fileDone?.Report(files[i].Name);
        });
        return ContentAssembler.Assemble(results, pattern, reserved);
    }
}
