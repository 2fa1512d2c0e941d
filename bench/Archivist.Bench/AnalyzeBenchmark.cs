using System.Diagnostics;
using Archivist.Content;
using Archivist.Search.Indexing;

namespace Archivist.Bench;

/// <summary>
/// Search analysis throughput on one core: every post of a generated corpus through <see cref="PostAnalyzer"/>
/// (Markdown to plain text, tokenizer, filters, stemmer, positions), posts already in memory, best of three,
/// as process CPU time.
/// The indexing stage's largest part, measured apart from the rest of a build.
/// </summary>
public static class AnalyzeBenchmark
{
    public static int Run(string[] args)
    {
        var posts = int.Parse(BenchPaths.Option(args, "--posts") ?? "1000");
        var corpus = BenchPaths.Corpus(posts);
        GenerateCommand.Ensure(corpus, posts);
        var content = ContentLoader.Load(corpus, PermalinkPattern.Blogger);
        var chars = content.Posts.Sum(p => (long)p.Title.Length + p.Text!.Body.Length + p.Text!.AllComments().Sum(c => (long)c.Text.Length));
        var best = double.MaxValue;
        long tokens = 0;
        for (var run = 0; run < 3; run++)
        {
            var analyzer = new PostAnalyzer(); // a fresh memo each run, as each build starts with
            GC.Collect();
            // CPU time, not wall: the figure should not depend on what else the machine runs.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            tokens = 0;
            foreach (var post in content.Posts)
            {
                var a = analyzer.Analyze(post, post.Text!);
                tokens += (long)(a.Lengths.Title + a.Lengths.Body + a.Lengths.Comments);
            }
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        Console.WriteLine($"{content.Posts.Count} posts, {chars / 1e6:0.0} M chars, {tokens / 1e6:0.0} M tokens: " +
                          $"{best:0.00} s of CPU on one core, {chars / 1e6 / best:0.0} M chars/s, {best * 1e9 / tokens:0} ns a token");
        return 0;
    }
}
