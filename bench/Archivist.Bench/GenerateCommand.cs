using System.Diagnostics;
using System.Text.Json;
using Archivist.Corpus;

namespace Archivist.Bench;

/// <summary>Writes a corpus of N generated posts (seed files + known-answers.json), reusing it when present.</summary>
public static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var posts = int.Parse(BenchPaths.Option(args, "--posts") ?? "1000");
        var seed = ulong.Parse(BenchPaths.Option(args, "--seed") ?? "20251128");
        var dir = BenchPaths.Option(args, "--out") ?? BenchPaths.Corpus(posts);
        var newest = BenchPaths.Option(args, "--newest") is { } n ? DateOnly.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var (bytes, seconds) = Ensure(dir, posts, seed, force: args.Contains("--force"), newest);
        Console.WriteLine($"{dir}: {posts} posts, {bytes / 1e6:0.0} MB of seed text ({seconds:0.0} s)");
        return 0;
    }

    /// <summary>Generates the corpus unless a complete one (marked by known-answers.json) is there already.</summary>
    /// <remarks>
    /// One post a day: 100,000 posts span 274 years, and the importer reads years 1900–2200 only. Give a later
    /// <paramref name="newest"/> (e.g. 2199-12-31) for corpora that large.
    /// </remarks>
    public static (long Bytes, double Seconds) Ensure(string dir, int posts, ulong seed = 20251128, bool force = false, DateOnly? newest = null)
    {
        var answers = Path.Combine(dir, "..", Path.GetFileName(dir) + ".answers.json");
        if (!force && File.Exists(answers) && Directory.Exists(dir))
            return (Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length), 0);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var clock = Stopwatch.StartNew();
        var generator = new CorpusGenerator(Vocabulary.FromFolder(BenchPaths.Seeds), new CorpusOptions { Posts = posts, Seed = seed, Newest = newest ?? new CorpusOptions().Newest });
        var bytes = generator.WriteTo(dir);
        File.WriteAllText(answers, JsonSerializer.Serialize(generator.Answers, new JsonSerializerOptions { WriteIndented = true }));
        return (bytes, clock.Elapsed.TotalSeconds);
    }
}
