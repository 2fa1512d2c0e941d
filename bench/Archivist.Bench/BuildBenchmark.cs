using System.Globalization;
using System.Text.RegularExpressions;

namespace Archivist.Bench;

/// <summary>
/// Build figures for issue 3, each a separate `archivist build` process timed with peak memory: a full
/// (cold) build, a no-op rebuild, and a rebuild after adding one seed, at each corpus size. The same
/// posts, as the Markdown `archivist import` writes, are then built by Eleventy with a minimal layout, and by
/// Hugo with a minimal theme that renders every comment thread, followed by Pagefind indexing Hugo's pages
/// (the usual way to search a Hugo site).
/// </summary>
public static partial class BuildBenchmark
{
    [GeneratedRegex(@"wrote (\d+), kept (\d+) unchanged, deleted (\d+)")]
    private static partial Regex Summary();

    public static int Run(string[] args)
    {
        var sizes = (BenchPaths.Option(args, "--posts") ?? "1000,10000").Split(',').Select(int.Parse).ToList();
        var skipEleventy = args.Contains("--no-eleventy");
        var skipHugo = args.Contains("--no-hugo");
        // --search-fragments: the same builds with search_fragments on (SearchIndexOptions.Fragments).
        string[] extra = args.Contains("--search-fragments") ? ["--search-fragments", "true"] : [];
        var label = extra.Length > 0 ? ", search fragments on" : "";
        var tool = PublishTool();
        Console.WriteLine($"Machine: {ExternalRun.Machine()}");
        Console.WriteLine($"Load average before: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| posts | seed text | run | wall | CPU (user+sys) | peak memory (RSS) | files written |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|");
        var eleventyRows = new List<string>();
        var hugoRows = new List<string>();
        var previousRuns = new List<string>();
        foreach (var posts in sizes)
        {
            var corpus = BenchPaths.Corpus(posts);
            var (bytes, _) = GenerateCommand.Ensure(corpus, posts);
            var work = Path.Combine(BenchPaths.Out, $"build-{posts}");
            // Set aside, deleted after every measurement: on ext4 without a journal (this project's benchmark host) creating
            // files within minutes of deleting tens of thousands costs seconds of CPU in the inode allocator (docs/BENCHMARKS.md).
            if (Directory.Exists(work))
            {
                var aside = $"{work}.old-{DateTime.UtcNow.Ticks}";
                Directory.Move(work, aside);
                previousRuns.Add(aside);
            }
            var seeds = Path.Combine(work, "seeds");
            CopyFolder(corpus, seeds);
            var output = Path.Combine(work, "site");
            var cache = Path.Combine(work, "cache");
            string[] build = [tool, "build", "--seeds", seeds, "--out", output, "--cache", cache,
                "--templates", Path.Combine(BenchPaths.Root, "templates"), "--config", Path.Combine(BenchPaths.Root, "archivist.yml"), "--quiet", .. extra];

            var full = Measure("dotnet", build);
            var noop = Measure("dotnet", build);
            File.WriteAllText(Path.Combine(seeds, "zz-added.txt"), AddedSeed);
            var added = Measure("dotnet", build);
            var size = $"{bytes / 1e6:0} MB";
            Row(posts, size, "full build (cold: no cache, empty output)" + label, full);
            Row(posts, size, "no-op rebuild" + label, noop);
            Row(posts, size, "one seed added" + label, added);

            if (skipEleventy && skipHugo) continue;
            var markdown = Import(tool, corpus, work);
            if (!skipEleventy) eleventyRows.Add(Eleventy(posts, markdown, work, full));
            if (!skipHugo) hugoRows.Add(Hugo(posts, markdown, work, full));
        }
        if (eleventyRows.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| posts | Eleventy full build | its peak memory | Archivist full build | Archivist / Eleventy |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            foreach (var row in eleventyRows) Console.WriteLine(row);
        }
        if (hugoRows.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| posts | Hugo full build | its peak memory | Pagefind on Hugo's site | its peak memory | Archivist full build (site and search) | Archivist / Hugo | Archivist / (Hugo + Pagefind) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in hugoRows) Console.WriteLine(row);
        }
        Console.WriteLine();
        Console.WriteLine($"Load average after: {LoadAverage()}");
        foreach (var old in previousRuns.Concat(Directory.EnumerateDirectories(BenchPaths.Out, "build-*.old-*")).Distinct())
            Directory.Delete(old, recursive: true);
        return 0;
    }

    private sealed record Timed(ExternalRun.Measured Measured, string Written);

    private static Timed Measure(string file, string[] args)
    {
        Sync();
        var m = ExternalRun.Time(file, args);
        if (m.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed:\n{m.StdErr}");
        var s = Summary().Match(m.StdErr);
        return new Timed(m, s.Success ? s.Groups[1].Value : "0");
    }

    private static void Row(int posts, string size, string label, Timed run) =>
        Console.WriteLine($"| {posts:N0} | {size} | {label} | {run.Measured.Seconds:0.00} s | {run.Measured.CpuSeconds:0.0} s | {run.Measured.PeakBytes / 1e6:0} MB | {run.Written} |");

    /// <summary>The posts as the Markdown documents `archivist import` writes (front matter and comments included), once for every peer.</summary>
    private static string Import(string tool, string corpus, string work)
    {
        var markdown = Path.Combine(work, "markdown");
        var import = ExternalRun.Time("dotnet", [tool, "import", "--seeds", corpus, "--out", markdown, "--quiet"]);
        if (import.ExitCode != 0) throw new InvalidOperationException("import failed: " + import.StdErr);
        File.Delete(Path.Combine(markdown, ".archivist-manifest")); // ours, not content for the peers
        return markdown;
    }

    /// <summary>Eleventy 3 on the same posts as Markdown (front matter included), one minimal layout.</summary>
    private static string Eleventy(int posts, string markdown, string work, Timed ours)
    {
        var cmd = Path.Combine(BenchPaths.Root, "bench", "node_modules", "@11ty", "eleventy", "cmd.cjs");
        if (!File.Exists(cmd)) throw new InvalidOperationException("Eleventy is not installed: run `npm ci` in bench/ first (or pass --no-eleventy)");
        var input = Path.Combine(work, "eleventy-src");
        CopyFolder(markdown, input);
        CopyFolder(Path.Combine(BenchPaths.Root, "bench", "eleventy", "_includes"), Path.Combine(input, "_includes"));
        Sync();
        var run = ExternalRun.Time("node", [cmd, "--config=" + Path.Combine(BenchPaths.Root, "bench", "eleventy", "eleventy.config.mjs"),
            "--input=" + input, "--output=" + Path.Combine(work, "eleventy-site"), "--quiet"]);
        if (run.ExitCode != 0) throw new InvalidOperationException("eleventy failed: " + run.StdErr);
        var ratio = ours.Measured.Seconds / run.Seconds;
        return $"| {posts:N0} | {run.Seconds:0.00} s | {run.PeakBytes / 1e6:0} MB | {ours.Measured.Seconds:0.00} s | {ratio.ToString("0.00", CultureInfo.InvariantCulture)}× |";
    }

    /// <summary>
    /// Hugo (Debian's `hugo`) on the same Markdown with bench/hugo's minimal theme (every comment thread rendered
    /// through Markdown, paginated listings, no search), then Pagefind indexing Hugo's pages as a Hugo site would.
    /// </summary>
    private static string Hugo(int posts, string markdown, string work, Timed ours)
    {
        var pagefind = Path.Combine(BenchPaths.Root, "bench", "node_modules", ".bin", "pagefind");
        if (!File.Exists(pagefind)) throw new InvalidOperationException("Pagefind is not installed: run `npm ci` in bench/ first (or pass --no-hugo)");
        var site = Path.Combine(work, "hugo-src");
        CopyFolder(Path.Combine(BenchPaths.Root, "bench", "hugo"), site);
        CopyFolder(markdown, Path.Combine(site, "content"));
        var output = Path.Combine(work, "hugo-site");
        Sync();
        var hugo = ExternalRun.Time("hugo", ["--source", site, "--destination", output, "--quiet"]);
        if (hugo.ExitCode != 0) throw new InvalidOperationException("hugo failed (is Debian's `hugo` installed? or pass --no-hugo): " + hugo.StdErr);
        Sync();
        var index = ExternalRun.Time(pagefind, ["--site", output]);
        if (index.ExitCode != 0) throw new InvalidOperationException("pagefind failed: " + index.StdErr);
        string Ratio(double seconds) => (ours.Measured.Seconds / seconds).ToString("0.00", CultureInfo.InvariantCulture) + "×";
        return $"| {posts:N0} | {hugo.Seconds:0.00} s | {hugo.PeakBytes / 1e6:0} MB | {index.Seconds:0.00} s | {index.PeakBytes / 1e6:0} MB | " +
               $"{ours.Measured.Seconds:0.00} s | {Ratio(hugo.Seconds)} | {Ratio(hugo.Seconds + index.Seconds)} |";
    }

    /// <summary>The tool as ./build.sh makes it (ReadyToRun where the machine allows), so users' figures are measured.</summary>
    private static string PublishTool()
    {
        var output = Path.Combine(BenchPaths.Out, "tool");
        var rid = (OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : "win") + "-" +
                  System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var publish = ExternalRun.Time("dotnet", ["publish", Path.Combine(BenchPaths.Root, "src", "Archivist", "Archivist.csproj"), "-c", "Release",
            "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "quiet"]);
        if (publish.ExitCode != 0) throw new InvalidOperationException("publishing the tool failed: " + publish.StdErr);
        return Path.Combine(output, "archivist.dll");
    }

    private const string AddedSeed = """
        Saturday, 29 November 2025

        A Post Added After The Archive Was Built

        This seed arrives after a full build, as a publisher's next daily dump would. Only the pages that show
        it should be rendered and written again.

        2 comments:

          1. A first reader's comment on the new post.

            ReplyDelete
          2. A second reader's comment.

            ReplyDelete
        """;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>
    /// Flushes written files to disk before a measured run, so that a run does not pay for writing back the
    /// previous run's output (or the corpus copied in just before): each run starts as a publisher's would.
    /// </summary>
    private static void Sync()
    {
        if (!OperatingSystem.IsWindows()) ExternalRun.Time("sync", []);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
