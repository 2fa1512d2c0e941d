using System.Diagnostics;
using Archivist.Content;
using Archivist.Output;
using Archivist.Search;

namespace Archivist.Bench;

/// <summary>
/// Bench-only driver: seeds → posts → search index in an output folder, in one process, so the search
/// benchmark can time indexing (wall and peak memory) apart from HTML rendering. Also writes each post's
/// Markdown document beside its URL, which `archivist search` reads for snippets. <c>--fragments</c> writes each
/// post's fragment too (<see cref="SearchIndexOptions.Fragments"/>).
/// </summary>
public static class IndexCommand
{
    public static int Run(string[] args)
    {
        var seeds = BenchPaths.Option(args, "--seeds") ?? throw new ArgumentException("--seeds DIR is required");
        var output = BenchPaths.Option(args, "--out") ?? throw new ArgumentException("--out DIR is required");
        var cache = BenchPaths.Option(args, "--cache");
        var clock = Stopwatch.StartNew();
        var content = ContentLoader.Load(seeds, PermalinkPattern.Blogger);
        var loaded = clock.Elapsed.TotalSeconds;
        using var folder = OutputFolder.Open(output, TimeSpan.FromMinutes(1));
        using var transaction = folder.Begin();
        var result = SearchIndexWriter.Write(content.Posts, PostTexts.Carried, transaction, new SearchIndexOptions { CacheDirectory = cache, Fragments = args.Contains("--fragments") });
        var indexed = clock.Elapsed.TotalSeconds;
        if (!args.Contains("--no-documents"))
            foreach (var post in content.Posts)
                transaction.WriteText(ContentAssembler.DocumentPath(post), PostDocumentWriter.Write(post));
        var summary = transaction.Commit();
        Console.WriteLine($"posts {result.Documents} terms {result.Terms} shards {result.Shards} files {result.Files} bytes {result.Bytes} " +
                          $"largest-shard {result.LargestShard} analysed {result.AnalysedDocuments} kept {result.KeptDocuments} analyse-s {result.Seconds.Analyse:0.00} encode-s {result.Seconds.Encode:0.00} load-s {loaded:0.00} index-s {indexed - loaded:0.00} " +
                          $"total-s {clock.Elapsed.TotalSeconds:0.00} written {summary.Written} unchanged {summary.Unchanged} deleted {summary.Deleted}");
        return 0;
    }
}
