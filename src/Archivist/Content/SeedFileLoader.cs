using Archivist.Seeds;

namespace Archivist.Content;

/// <summary>Everything one seed file contributes: its posts (not yet merged or placed) and its messages.</summary>
public sealed record SeedFileResult(string Name, IReadOnlyList<IncomingPost> Posts, IReadOnlyList<Diagnostic> Diagnostics, long Bytes, bool Skipped)
{
    /// <summary>Something in the seeds folder that was not read at all (a FIFO, a link leaving the folder…), with the warning saying so.</summary>
    public static SeedFileResult NotRead(Diagnostic why) => new(why.File, [], [why], 0, Skipped: true);
}

/// <summary>
/// Loads one seed file: a raw dump (.txt) through the seed parser, or a finished post (.md) through the
/// document reader. A pure function of the file's name and bytes, so its result can be cached.
/// </summary>
public static class SeedFileLoader
{
    public static SeedFileResult Load(string path, string name)
    {
        var (source, readDiagnostics) = new SeedReader().Read(path, name);
        return source is null
            ? new SeedFileResult(name, [], readDiagnostics, 0, Skipped: true)
            : FromSource(source, readDiagnostics);
    }

    public static SeedFileResult FromBytes(string name, ReadOnlySpan<byte> bytes)
    {
        var (source, readDiagnostics) = SeedReader.Decode(name, bytes);
        return source is null
            ? new SeedFileResult(name, [], readDiagnostics, bytes.Length, Skipped: true)
            : FromSource(source, readDiagnostics);
    }

    private static SeedFileResult FromSource(SeedSource source, IReadOnlyList<Diagnostic> readDiagnostics)
    {
        var diagnostics = new List<Diagnostic>(readDiagnostics);
        if (source.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            var document = PostDocumentReader.Read(source.Name, string.Join('\n', source.Lines), diagnostics);
            if (document is null) return new SeedFileResult(source.Name, [], diagnostics, source.ByteLength, Skipped: true);
            var post = document.Post with { Sources = new[] { source.Name }, Slug = "", Url = "" };
            return new SeedFileResult(source.Name, [new IncomingPost(post, (source.Name, 1), document.RequestedSlug, document.RequestedUrl)],
                diagnostics, source.ByteLength, Skipped: false);
        }
        var parsed = new SeedParser().Parse(source);
        diagnostics.AddRange(parsed.Diagnostics);
        return new SeedFileResult(source.Name, parsed.Posts.Select(PostComposer.Compose).ToList(), diagnostics, source.ByteLength, Skipped: false);
    }
}
