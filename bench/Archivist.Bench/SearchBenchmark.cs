using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archivist.Content;
using Archivist.Corpus;
using Archivist.PagesHost;

namespace Archivist.Bench;

/// <summary>
/// Issue 4's search benchmark: Archivist's index beside Pagefind (indexing built HTML) and lunr, on
/// generated corpora. For each: indexing time and peak memory, index size and file count, bytes fetched by
/// a first query and by later ones (median, worst, common words included), latency in headless Chromium,
/// and the hit rate on known-answer queries. Prints Markdown tables for docs/BENCHMARKS.md.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] CommonQueries =
        ["the", "the of and to", "probation", "probation service", "the probation service", "\"the probation service\"", "ministry of justice", "a"];

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var sizes = (BenchPaths.Option(args, "--posts") ?? "1000,10000").Split(',').Select(int.Parse).ToList();
        var peers = (BenchPaths.Option(args, "--peers") ?? "archivist,fragments,pagefind,lunr").Split(',').ToHashSet(StringComparer.Ordinal);
        var reuse = args.Contains("--reuse-peers");
        var npmBin = Path.Combine(BenchPaths.Root, "bench", "node_modules", ".bin");
        if ((peers.Contains("pagefind") || peers.Contains("lunr")) && !Directory.Exists(npmBin))
        {
            Console.Error.WriteLine("run `npm install` in bench/ first (Pagefind, lunr)");
            return 2;
        }
        Console.WriteLine($"Machine: {ExternalRun.Machine()}");
        var reports = new List<string>();
        foreach (var posts in sizes)
        {
            reports.Add(await MeasureAsync(posts, peers, reuse));
            Console.Error.WriteLine(reports[^1]); // in case a later size fails
        }
        Console.WriteLine();
        foreach (var r in reports) Console.WriteLine(r);
        return 0;
    }

    private sealed record Engine(string Name, string Probe, double Seconds, long PeakBytes, long IndexBytes, int Files, string Note);

    private static async Task<string> MeasureAsync(int size, IReadOnlySet<string> peers, bool reuse)
    {
        var corpus = BenchPaths.Corpus(size);
        GenerateCommand.Ensure(corpus, size);
        var answers = JsonSerializer.Deserialize<List<KnownAnswer>>(File.ReadAllText(Path.Combine(BenchPaths.Out, $"corpus-{size}.answers.json")))!;
        var dir = Path.Combine(BenchPaths.Out, $"search-{size}");
        Directory.CreateDirectory(dir);
        var html = Path.Combine(dir, "html");
        var docs = Path.Combine(dir, "lunr-docs.jsonl");
        var posts = ContentLoader.Load(corpus, PermalinkPattern.Blogger).Posts;
        if (!File.Exists(docs))
        {
            Log($"{size}: writing {posts.Count} stand-in HTML pages and lunr documents");
            if (Directory.Exists(html)) Directory.Delete(html, true);
            StandInSite.Write(posts, html, docs + ".tmp");
            File.Move(docs + ".tmp", docs);
        }
        var urlByTitleDate = posts.GroupBy(p => (p.Title, p.Date)).ToDictionary(g => g.Key, g => g.First().Url);

        var engines = new List<Engine>();
        var mounts = new List<(string, string)> { ("/bench/", Path.Combine(BenchPaths.Root, "bench", "search")), ("/", html) };
        string incremental = "";
        if (peers.Contains("archivist"))
        {
            var output = IndexArchivist(size, corpus, Path.Combine(dir, "archivist"), "Archivist", "", [], engines, mounts);
            incremental = Incremental(size, corpus, output, dir);
        }
        // The same index with each post's fragment (SearchIndexOptions.Fragments), read by the same client at /fragments/.
        if (peers.Contains("fragments"))
            IndexArchivist(size, corpus, Path.Combine(dir, "archivist-fragments"), "Archivist with fragments", "/fragments/", ["--fragments"], engines, mounts);
        if (peers.Contains("pagefind"))
        {
            var output = Path.Combine(dir, "pagefind");
            var run = Reused(dir, "pagefind", reuse && Directory.Exists(output)) ?? Measured(dir, "pagefind", () =>
            {
                if (Directory.Exists(output)) Directory.Delete(output, true);
                Log($"{size}: Pagefind");
                return ExternalRun.Time(Path.Combine(BenchPaths.Root, "bench", "node_modules", ".bin", "pagefind"), ["--site", html, "--output-path", output]);
            });
            Require(run, "pagefind");
            engines.Add(new Engine("Pagefind 1.6.0", "pagefind.html", run.Seconds, run.PeakBytes, FolderBytes(output), FolderFiles(output), "indexing the HTML pages"));
            mounts.Add(("/pagefind/", output));
        }
        if (peers.Contains("lunr"))
        {
            var output = Path.Combine(dir, "lunr");
            var run = Reused(dir, "lunr", reuse && File.Exists(Path.Combine(output, "index.json"))) ?? Measured(dir, "lunr", () =>
            {
                if (Directory.Exists(output)) Directory.Delete(output, true);
                Directory.CreateDirectory(output);
                Log($"{size}: lunr");
                return ExternalRun.Time("node", ["--max-old-space-size=20000", Path.Combine("bench", "search", "lunr-build.mjs"), docs, Path.Combine(output, "index.json")]);
            });
            if (run.ExitCode != 0)
                Console.Error.WriteLine($"lunr failed after {run.Seconds:0} s and {run.PeakBytes / 1e9:0.0} GB: {run.StdErr.Split('\n').FirstOrDefault(l => l.Contains("Error", StringComparison.Ordinal))}");
            else
            {
                File.Copy(Path.Combine(BenchPaths.Root, "bench", "node_modules", "lunr", "lunr.min.js"), Path.Combine(output, "lunr.min.js"), overwrite: true);
                var indexFile = Path.Combine(output, "index.json");
                engines.Add(new Engine("lunr 2.3.9", "lunr.html", run.Seconds, run.PeakBytes, new FileInfo(indexFile).Length, 1,
                    $"one file, {Gzipped(indexFile) / 1e6:0.0} MB gzipped"));
                mounts.Add(("/lunr/", output));
            }
        }

        var (queries, sample, typo, mixed) = Queries(answers);

        using var server = new StaticSiteServer(mounts);
        await WarmAsync(server, mounts);
        await using var browser = await BrowserProbe.LaunchAsync();
        var table = new System.Text.StringBuilder();
        table.AppendLine($"### {size:N0} posts ({FolderBytes(corpus) / 1e6:0} MB of seed text)").AppendLine();
        table.AppendLine("| | index time | peak memory | index size | files | first query | later queries, median | later, worst | worst common-word query | latency, ranked (median) | latency, 5 shown with snippets (median) | hit rate: exact / typo / with common words |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var notes = new List<string>();
        foreach (var engine in engines)
        {
            Log($"{size}: browser queries with {engine.Name}");
            var results = await browser.RunAsync($"{server.Origin}/bench/{engine.Probe}", queries, TimeSpan.FromMinutes(5));
            var later = results.Skip(1).Where(r => r.Error is null).ToList();
            var common = results.Skip(1).Take(CommonQueries.Length).ToList();
            string Rate(IEnumerable<(string Query, KnownAnswer Expected)> cases)
            {
                var list = cases.ToList();
                var hits = list.Count(c => results.FirstOrDefault(r => r.Query == c.Query) is { Error: null, Urls.Count: > 0 } r
                                           && SameUrl(r.Urls[0], urlByTitleDate[(c.Expected.Title, c.Expected.Date)]));
                return $"{100.0 * hits / list.Count:0}%";
            }
            var failed = results.FirstOrDefault(r => r.Error is not null);
            if (failed is not null) notes.Add($"{engine.Name}: query '{failed.Query}' failed: {failed.Error}");
            table.Append($"| {engine.Name} | {engine.Seconds:0.0} s | {engine.PeakBytes / 1e6:0} MB | {engine.IndexBytes / 1e6:0.0} MB | {engine.Files:N0} ")
                .Append($"| {Kb(results[0].Bytes)} ({results[0].Requests} requests) | {Kb(Median(later.Select(r => (double)r.Bytes)))} | {Kb(later.Select(r => r.Bytes).DefaultIfEmpty().Max())} ")
                .Append($"| {Kb(common.Select(r => r.Bytes).DefaultIfEmpty().Max())} ('{common.OrderByDescending(r => r.Bytes).FirstOrDefault()?.Query}') ")
                .Append($"| {Median(later.Select(r => r.RankedMs)):0.0} ms | {Median(later.Select(r => r.ShownMs)):0.0} ms ")
                .Append($"| {Rate(sample.Select(a => (a.Query, a)))} / {Rate(typo)} / {Rate(mixed)} |").AppendLine();
            notes.Add($"{engine.Name}: {engine.Note}; first query '{results[0].Query}' took {results[0].ShownMs:0} ms.");
            File.WriteAllText(Path.Combine(dir, $"queries-{engine.Probe.Split('?')[0]}{(engine.Probe.Contains('?') ? "-" + engine.Name.Split(' ')[^1] : "")}.json"), JsonSerializer.Serialize(results,
                new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        }
        table.AppendLine();
        foreach (var n in notes) table.AppendLine("- " + n);
        if (incremental.Length > 0) table.AppendLine("- " + incremental);
        return table.ToString();
    }

    /// <summary>
    /// The queries, in order: a first one in a fresh browser, then common words, then known answers (exact, with a
    /// typo, with common words). Disjoint samples, so no query finds its files already cached by an earlier one.
    /// </summary>
    internal static (List<string> All, List<KnownAnswer> Exact, List<(string Query, KnownAnswer Expected)> Typo,
        List<(string Query, KnownAnswer Expected)> Mixed) Queries(IReadOnlyList<KnownAnswer> answers)
    {
        var step = Math.Max(1, answers.Count / 200);
        var drawn = answers.Where((_, i) => i % step == 0).Take(200).ToList();
        var sample = drawn.Where((_, i) => i % 4 < 2).ToList();
        var typo = drawn.Where((_, i) => i % 4 == 2).Select(a => (Query: a.Query[..4] + a.Query[5..], Expected: a)).ToList();
        var mixed = drawn.Where((_, i) => i % 4 == 3).Select(a => (Query: "the probation " + a.Query, Expected: a)).ToList();
        var queries = new List<string> { sample[0].Query };
        queries.AddRange(CommonQueries);
        queries.AddRange(sample.Select(a => a.Query));
        queries.AddRange(typo.Select(t => t.Query));
        queries.AddRange(mixed.Select(t => t.Query));
        return (queries, sample, typo, mixed);
    }

    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToList();
        return v.Count == 0 ? double.NaN : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    /// <summary>A peer's earlier build measurement (with --reuse-peers, when its output is still there): peers take minutes.</summary>
    private static ExternalRun.Measured? Reused(string dir, string name, bool reuse)
    {
        var file = Path.Combine(dir, name + ".build.json");
        if (!reuse || !File.Exists(file)) return null;
        Log($"reusing the earlier {name} build ({file})");
        return JsonSerializer.Deserialize<ExternalRun.Measured>(File.ReadAllText(file));
    }

    private static ExternalRun.Measured Measured(string dir, string name, Func<ExternalRun.Measured> build)
    {
        var run = build();
        if (run.ExitCode == 0) File.WriteAllText(Path.Combine(dir, name + ".build.json"), JsonSerializer.Serialize(run));
        return run;
    }

    /// <summary>Adds one seed (one new, newest post) to a copy of the corpus and rebuilds with the analysis cache warm.</summary>
    private static string Incremental(int size, string corpus, string built, string dir)
    {
        var plus = Path.Combine(dir, "corpus-plus");
        var copy = Path.Combine(dir, "archivist-incremental");
        var cache = Path.Combine(dir, "analysis-cache");
        foreach (var d in new[] { plus, copy, cache }) if (Directory.Exists(d)) Directory.Delete(d, true);
        Directory.CreateDirectory(plus);
        foreach (var f in Directory.GetFiles(corpus)) File.CreateSymbolicLink(Path.Combine(plus, Path.GetFileName(f)), f);
        var extra = new CorpusGenerator(Vocabulary.FromFolder(BenchPaths.Seeds),
            new CorpusOptions { Posts = 1, Seed = 7, Newest = new DateOnly(2025, 11, 29) }).Files().Single();
        File.WriteAllText(Path.Combine(plus, "zz-new-seed.txt"), extra.Text);
        Process.Start("cp", ["-a", built, copy])!.WaitForExit();

        var warm = ExternalRun.Time("dotnet", [ExternalRun.BenchDll, "index", "--seeds", corpus, "--out", copy, "--no-documents", "--cache", cache]);
        Require(warm, "archivist index (filling the cache)");
        var run = ExternalRun.Time("dotnet", [ExternalRun.BenchDll, "index", "--seeds", plus, "--out", copy, "--no-documents", "--cache", cache]);
        Require(run, "archivist index (one seed added)");
        return $"Archivist, one seed (one new post) added to the {size:N0}: rebuilt in {run.Seconds:0.0} s with the analysis cache " +
               $"(main segment kept: {Field(run.StdErr, "kept")} posts; {Field(run.StdErr, "analysed")} posts analysed; index stage {Field(run.StdErr, "index-s")} s); files written {Field(run.StdErr, "written")}, unchanged {Field(run.StdErr, "unchanged")}, deleted {Field(run.StdErr, "deleted")} " +
               $"of {Field(run.StdErr, "files")}.";
    }

    /// <summary>
    /// Builds an Archivist index of the corpus into <paramref name="output"/> (timed, in its own process), adds it as an
    /// engine and mounts it with the client under <paramref name="prefix"/> (the probe reads it with ?base=). Returns the output folder.
    /// </summary>
    private static string IndexArchivist(int size, string corpus, string output, string name, string prefix, string[] extra,
        List<Engine> engines, List<(string, string)> mounts)
    {
        if (Directory.Exists(output)) Directory.Delete(output, true);
        Log($"{size}: {name} index");
        var run = ExternalRun.Time("dotnet", [ExternalRun.BenchDll, "index", "--seeds", corpus, "--out", output, "--no-documents", .. extra]);
        Require(run, string.Join(' ', ["archivist index", .. extra]));
        var index = Path.Combine(output, "search-index");
        var probe = prefix.Length == 0 ? "archivist.html" : "archivist.html?base=" + prefix;
        engines.Add(new Engine(name, probe, run.Seconds, run.PeakBytes, FolderBytes(index), FolderFiles(index),
            "from seeds: parsing " + Field(run.StdErr, "load-s") + " s + indexing " + Field(run.StdErr, "index-s") + " s"));
        var at = prefix.Length == 0 ? "/" : prefix;
        mounts.Add((at + "search-index/", index));
        mounts.Add((at + "assets/search/", Path.Combine(BenchPaths.Root, "templates", "assets", "search")));
        return output;
    }

    private static Task WarmAsync(StaticSiteServer server, List<(string Prefix, string Root)> mounts)
    {
        Log($"compressing the text files of {mounts.Count} folders, as the host's CDN would hold them");
        server.Prepare();
        return Task.CompletedTask;
    }

    private static void Require(ExternalRun.Measured run, string what)
    {
        if (run.ExitCode != 0) throw new InvalidOperationException($"{what} failed (exit {run.ExitCode}): {run.StdErr}");
    }

    private static string Field(string output, string name)
    {
        var parts = output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var i = Array.IndexOf(parts, name);
        return i >= 0 && i + 1 < parts.Length ? parts[i + 1] : "?";
    }

    private static bool SameUrl(string actual, string expected)
    {
        var a = Uri.TryCreate(actual, UriKind.Absolute, out var abs) ? abs.AbsolutePath : actual;
        static string Trim(string u) => u.EndsWith(".html", StringComparison.Ordinal) ? u[..^5] : u.TrimEnd('/');
        return Trim(a) == Trim(expected);
    }

    private static long FolderBytes(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    private static int FolderFiles(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count();

    private static long Gzipped(string file)
    {
        using var counter = new CountingStream();
        using (var gzip = new System.IO.Compression.GZipStream(counter, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        using (var input = File.OpenRead(file)) input.CopyTo(gzip);
        return counter.Length;
    }

    private static string Kb(double bytes) => double.IsNaN(bytes) ? "–" : (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    private static void Log(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
