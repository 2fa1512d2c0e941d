using System.Diagnostics;
using Archivist.Content;
using Archivist.Seeds;

namespace Archivist.Bench;

/// <summary>
/// Importer figures for issue 2: seed text parsed per second on one core (in process, files already in
/// memory, best of three), and the whole `archivist import` command's time and peak memory.
/// </summary>
public static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = (BenchPaths.Option(args, "--posts") ?? "1000,10000").Split(',').Select(int.Parse).ToList();
        Console.WriteLine($"Machine: {ExternalRun.Machine()}");
        Console.WriteLine();
        Console.WriteLine("| posts | seed text | parse, 1 core | parse throughput | `archivist import` wall | peak memory (RSS) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var posts in sizes)
        {
            var corpus = BenchPaths.Corpus(posts);
            var (bytes, _) = GenerateCommand.Ensure(corpus, posts);
            var files = SeedReader.List(corpus).Select(f => (f.Name, Bytes: File.ReadAllBytes(f.Path))).ToList();

            var best = double.MaxValue;
            var found = 0;
            for (var run = 0; run < 3; run++)
            {
                GC.Collect();
                var clock = Stopwatch.StartNew();
                found = 0;
                foreach (var (name, data) in files) found += SeedFileLoader.FromBytes(name, data).Posts.Count;
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            if (found != posts) throw new InvalidOperationException($"parsed {found} posts, expected {posts}");

            var output = Path.Combine(BenchPaths.Out, $"import-{posts}");
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            var cli = ExternalRun.Time("dotnet", [ExternalRun.ArchivistDll, "import", "--seeds", corpus, "--out", output, "--quiet"]);
            if (cli.ExitCode != 0) throw new InvalidOperationException("import failed: " + cli.StdErr);

            Console.WriteLine($"| {posts:N0} | {bytes / 1e6:0.0} MB | {best:0.00} s | {bytes / 1e6 / best:0} MB/s | {cli.Seconds:0.00} s | {cli.PeakBytes / 1e6:0} MB |");
        }
        return 0;
    }
}
