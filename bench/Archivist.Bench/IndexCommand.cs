using System.Diagnostics;
using Archivist.Content;
using Archivist.Output;
using Archivist.Search;

namespace Archivist.Bench;

/// <summary>
/// Bench-only driver: seeds → posts → search index in an output folder, in one process, so the search
/// benchmark can time indexing (wall and peak memory) apart from HTML rendering. Also writes each post's
/// Markdown document beside its URL, which `archivist search` reads for snippets. <c>--fragments</c> writes each
/// post's fragment too (<see cref="SearchIndexOptions.Fragments"/>). <c>--related</c> also works out every post's related
/// posts from the index of record, as a build does (cached under <c>--cache</c>), and prints their cost: wall and CPU
/// seconds (nothing else runs in the process meanwhile), how many posts were related and whether the whole index was read.
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
        var options = new SearchIndexOptions { CacheDirectory = cache, Fragments = args.Contains("--fragments") };
        var related = "";
        var result = SearchIndexWriter.Write(content.Posts, PostTexts.Carried, transaction, options, !args.Contains("--related") ? null : (index, documents) =>
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var found = Archivist.Search.Related.RelatedPostsFinder.Find(index, documents, options.CacheDirectory);
            related = $" related-s {found.Seconds:0.000} related-cpu-s {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} " +
                      $"related-computed {found.Computed} related-whole-index {found.ReadWholeIndex}";
        });
        var indexed = clock.Elapsed.TotalSeconds;
        if (!args.Contains("--no-documents"))
            foreach (var post in content.Posts)
                transaction.WriteText(ContentAssembler.DocumentPath(post), PostDocumentWriter.Write(post));
        var summary = transaction.Commit();
        Console.WriteLine($"posts {result.Documents} terms {result.Terms} shards {result.Shards} files {result.Files} bytes {result.Bytes} " +
                          $"largest-shard {result.LargestShard} analysed {result.AnalysedDocuments} kept {result.KeptDocuments} analyse-s {result.Seconds.Analyse:0.00} encode-s {result.Seconds.Encode:0.00} load-s {loaded:0.00} index-s {indexed - loaded:0.00} " +
                          $"total-s {clock.Elapsed.TotalSeconds:0.00} written {summary.Written} unchanged {summary.Unchanged} deleted {summary.Deleted}{related}");
        return 0;
    }
}
