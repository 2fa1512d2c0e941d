using System.Globalization;
using System.Text;
using System.Text.Json;
using Archivist.Corpus;
using Archivist.PagesHost;

namespace Archivist.Bench;

/// <summary>
/// Query latency alone, on the indexes an earlier <c>search</c> run left in bench/out/search-N: each engine's
/// queries in several rounds, engines alternating (so a slow spell of the machine falls on both), without
/// asking the browser for response sizes, and Archivist's time split into its stages. The medians of the
/// rounds are what the <c>search</c> table's latency columns measure, with less noise.
/// </summary>
public static class LatencyBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var size = int.Parse(BenchPaths.Option(args, "--posts") ?? "10000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(BenchPaths.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var dir = Path.Combine(BenchPaths.Out, $"search-{size}");
        var answersFile = Path.Combine(BenchPaths.Out, $"corpus-{size}.answers.json");
        var engines = new List<(string Name, string Probe, string Key)>(); // Key names the file of its per-query results
        var mounts = new List<(string, string)> { ("/bench/", Path.Combine(BenchPaths.Root, "bench", "search")), ("/", Path.Combine(dir, "html")) };
        var index = Path.Combine(dir, "archivist", "search-index");
        if (Directory.Exists(index))
        {
            engines.Add(("Archivist", "archivist.html", "archivist"));
            mounts.Add(("/search-index/", index));
            mounts.Add(("/assets/search/", Path.Combine(BenchPaths.Root, "templates", "assets", "search")));
        }
        // --baseline INDEX_DIR,ASSETS_DIR: another build of the index and client beside this one (A/B of a change).
        if (BenchPaths.Option(args, "--baseline") is { } baseline)
        {
            var parts = baseline.Split(',');
            if (parts.Length != 2 || !Directory.Exists(parts[0]) || !Directory.Exists(parts[1]))
            {
                Console.Error.WriteLine($"--baseline wants INDEX_DIR,ASSETS_DIR (two existing folders), not '{baseline}'");
                return 2;
            }
            engines.Add(("Archivist (baseline)", "archivist.html?base=/baseline/", "archivist-baseline"));
            mounts.Add(("/baseline/search-index/", parts[0]));
            mounts.Add(("/baseline/assets/search/", parts[1]));
        }
        if (Directory.Exists(Path.Combine(dir, "pagefind")))
        {
            engines.Add(("Pagefind 1.6.0", "pagefind.html", "pagefind"));
            mounts.Add(("/pagefind/", Path.Combine(dir, "pagefind")));
        }
        if (engines.Count == 0 || !File.Exists(answersFile))
        {
            Console.Error.WriteLine($"no indexes in {dir}: run `search --posts {size}` first");
            return 2;
        }
        var answers = JsonSerializer.Deserialize<List<KnownAnswer>>(File.ReadAllText(answersFile))!;
        var queries = SearchBenchmark.Queries(answers).All;

        // --rtt MS: each response held back that long, as a reader's connection would (HTTP/2, so parallel fetches overlap).
        var rtt = int.Parse(BenchPaths.Option(args, "--rtt") ?? "0", CultureInfo.InvariantCulture);
        // --fresh: every query in a new browser context, as a reader's first search after opening the page: no
        // query finds files an earlier one fetched (the generated words cluster, so later queries often do).
        var fresh = args.Contains("--fresh");
        using var server = new StaticSiteServer(mounts) { Latency = TimeSpan.FromMilliseconds(rtt) };
        server.Prepare();
        await using var browser = await BrowserProbe.LaunchAsync();
        var runs = engines.ToDictionary(e => e.Name, _ => new List<List<ProbeQuery>>());
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0 ? engines : Enumerable.Reverse(engines).ToList();
            foreach (var (name, probe, key) in order)
            {
                Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] round {round + 1}: {name}");
                var url = $"{server.Origin}/bench/{probe}";
                // The later queries (the first one, in a fresh browser, is the search benchmark's "first query").
                runs[name].Add(fresh
                    ? [.. await browser.RunFreshAsync(url, queries.Skip(1).ToList(), TimeSpan.FromMinutes(1))]
                    : (await browser.RunAsync(url, queries, TimeSpan.FromMinutes(5), countBytes: false)).Skip(1).ToList());
                File.WriteAllText(Path.Combine(dir, $"latency-{key}.json"), JsonSerializer.Serialize(runs[name],
                    new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }
        }

        var table = new StringBuilder();
        table.AppendLine($"Machine: {ExternalRun.Machine()}").AppendLine();
        table.AppendLine($"### Latency at {size:N0} posts: {queries.Count - 1} queries, {rounds} rounds (median of each round)" +
                         (rtt > 0 ? $", each response delayed {rtt} ms" : "") + (fresh ? ", each query in a fresh browser context" : "")).AppendLine();
        table.AppendLine("| | ranked | 5 shown with snippets | stages (Archivist): metadata read / last page fetched / snippets computed |");
        table.AppendLine("|---|---:|---:|---|");
        foreach (var (name, _, _) in engines)
        {
            var later = runs[name].Select(r => r.Where(q => q.Error is null).ToList()).ToList();
            string Rounds(Func<ProbeQuery, double> pick) =>
                string.Join(" / ", later.Select(r => SearchBenchmark.Median(r.Select(pick)).ToString("0.0", CultureInfo.InvariantCulture)));
            string Stage(string stage) => Rounds(q => q.Stages.TryGetValue(stage, out var v) ? v : double.NaN);
            var stages = later.SelectMany(r => r).Any(q => q.Stages.Count > 0)
                ? $"{Stage("described")} · {Stage("fetched")} · {Stage("snippets")} ms" : "";
            table.AppendLine($"| {name} | {Rounds(q => q.RankedMs)} ms | {Rounds(q => q.ShownMs)} ms | {stages} |");
        }
        Console.WriteLine(table);
        return 0;
    }
}
