using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Archivist.Corpus;
using Archivist.PagesHost;
using Microsoft.Playwright;

namespace Archivist.Bench;

/// <summary>
/// Issue 19's page-level measurement: each engine in its own search UI (Archivist's search page and search-ui.js;
/// Pagefind's default PagefindUI), on the indexes a <c>search</c> run left in bench/out/search-N. A query is put
/// into the page's search box as one input event, and the time runs until the expected post's title is in the
/// results and the frame that paints it has begun. Both UIs wait for typing to pause before searching (Archivist
/// 120 ms, Pagefind 300 ms); the figures are given with that wait and after it. First query: a fresh browser
/// context, page opened, the first query; its bytes are everything the page fetched up to the title on screen.
/// Later queries: the known-answer queries both engines find (the word alone; "the probation" and the word),
/// in the same page, a pause between them as a reader reads results.
/// </summary>
public static class PageBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private sealed record Engine(string Name, string Page);

    private sealed record Timed(string Query, double DomMs, double FrameMs, long Bytes, string? Error);

    private static async Task<int> RunAsync(string[] args)
    {
        var size = int.Parse(BenchPaths.Option(args, "--posts") ?? "1000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(BenchPaths.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var pauseMs = int.Parse(BenchPaths.Option(args, "--pause") ?? "500", CultureInfo.InvariantCulture);
        var rtt = int.Parse(BenchPaths.Option(args, "--rtt") ?? "0", CultureInfo.InvariantCulture);
        // --no-pause: each UI searches at once (Archivist: the form submitted, as on Enter; Pagefind: debounceTimeoutMs 0).
        var noPause = args.Contains("--no-pause");
        // --typed MS: each query typed a character at a time, MS apart, the time taken from the last character.
        var typedMs = int.Parse(BenchPaths.Option(args, "--typed") ?? "0", CultureInfo.InvariantCulture);
        var dir = Path.Combine(BenchPaths.Out, $"search-{size}");
        var index = Path.Combine(dir, "archivist", "search-index");
        var pagefind = Path.Combine(dir, "pagefind");
        var answersFile = Path.Combine(BenchPaths.Out, $"corpus-{size}.answers.json");
        if (!Directory.Exists(index) || !Directory.Exists(pagefind) || !File.Exists(answersFile))
        {
            Console.Error.WriteLine($"no Archivist and Pagefind indexes in {dir}: run `search --posts {size} --peers archivist,pagefind` first");
            return 2;
        }
        var assets = BenchPaths.Option(args, "--assets") ?? Path.Combine(BenchPaths.Root, "templates", "assets", "search");
        var mounts = new List<(string, string)>
        {
            ("/bench/", Path.Combine(BenchPaths.Root, "bench", "search")), ("/", Path.Combine(dir, "html")),
            ("/search-index/", BenchPaths.Option(args, "--index") ?? index), ("/assets/search/", assets), ("/pagefind/", pagefind),
        };
        var engines = new List<Engine>
        {
            new("Archivist", "archivist-page.html"),
            new("Pagefind 1.6.0 (PagefindUI)", "pagefind-page.html"),
        };
        // --baseline ASSETS_DIR: another build of the client beside this one, on the same index (A/B of a change).
        if (BenchPaths.Option(args, "--baseline") is { } baseline)
        {
            engines.Insert(1, new("Archivist (baseline client)", "archivist-page.html?assets=/baseline/assets/search/"));
            mounts.Add(("/baseline/assets/search/", baseline));
        }
        var answers = JsonSerializer.Deserialize<List<KnownAnswer>>(File.ReadAllText(answersFile))!;
        var (_, exact, _, mixed) = SearchBenchmark.Queries(answers);
        // Both engines find these (Pagefind corrects no typos, so the misspelt ones are left out).
        var queries = exact.Select(a => (a.Query, a.Title))
            .Concat(mixed.Select(m => (m.Query, m.Expected.Title))).ToList();

        using var server = new StaticSiteServer(mounts) { Latency = TimeSpan.FromMilliseconds(rtt) };
        server.Prepare();
        await using var browser = await BrowserProbe.LaunchAsync();
        var runs = engines.ToDictionary(e => e.Name, _ => new List<(List<Timed> Queries, double Debounce)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var engine in round % 2 == 0 ? engines : Enumerable.Reverse(engines).ToList())
            {
                Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] round {round + 1}: {engine.Name}");
                runs[engine.Name].Add(await RunPageAsync(browser, $"{server.Origin}/bench/{engine.Page}{(noPause ? (engine.Page.Contains('?') ? "&now" : "?now") : "")}", queries, pauseMs, typedMs, countBytes: round == 0));
            }
        }
        File.WriteAllText(Path.Combine(dir, "page-latency.json"), JsonSerializer.Serialize(runs.ToDictionary(r => r.Key, r => r.Value.Select(v => v.Queries)),
            new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));

        var table = new StringBuilder();
        table.AppendLine($"Machine: {ExternalRun.Machine()}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end").AppendLine();
        table.AppendLine($"### Search pages at {size:N0} posts: first query, then {queries.Count - 1} later ones, {rounds} rounds" +
                         $" (Archivist's client: {assets})" + (rtt > 0 ? $", each response delayed {rtt} ms" : "") + (noPause ? ", searching at once (no typing pause)" : "") +
                         (typedMs > 0 ? $", typed a character every {typedMs} ms" : ", each query put in the box at once") +
                         $", {pauseMs} ms between queries").AppendLine();
        table.AppendLine("| | typing pause | first query: title on screen (bytes) | later: title on screen, median | after the pause: in the DOM, median | after the pause: on screen, median | on screen, 90th percentile | later: bytes, median / worst | not shown |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var engine in engines)
        {
            var r = runs[engine.Name];
            var debounce = r[0].Debounce;
            string Each(Func<List<Timed>, string> pick) => string.Join(" / ", r.Select(x => pick(x.Queries)));
            static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString("0.0", CultureInfo.InvariantCulture);
            var later = r.Select(x => x.Queries.Skip(1).Where(q => q.Error is null).ToList()).ToList();
            table.Append($"| {engine.Name} | {debounce:0} ms ")
                .Append($"| {Each(q => Ms(q[0].FrameMs))} ms ({Kb(r[0].Queries[0].Bytes)}) ")
                .Append($"| {string.Join(" / ", later.Select(l => Ms(SearchBenchmark.Median(l.Select(q => q.FrameMs)))))} ms ")
                .Append($"| {string.Join(" / ", later.Select(l => Ms(SearchBenchmark.Median(l.Select(q => q.DomMs - debounce)))))} ms ")
                .Append($"| {string.Join(" / ", later.Select(l => Ms(SearchBenchmark.Median(l.Select(q => q.FrameMs - debounce)))))} ms ")
                .Append($"| {string.Join(" / ", later.Select(l => Ms(Percentile(l.Select(q => q.FrameMs - debounce), 0.9))))} ms ")
                .Append($"| {Kb(SearchBenchmark.Median(later[0].Select(q => (double)q.Bytes)))} / {Kb(later[0].Select(q => q.Bytes).DefaultIfEmpty().Max())} ")
                .Append($"| {Each(q => q.Skip(1).Count(x => x.Error is not null).ToString(CultureInfo.InvariantCulture))} |").AppendLine();
        }
        table.AppendLine().AppendLine("Bytes are counted in the first round only (asking the browser for them costs it time).");
        Console.WriteLine(table);
        return 0;
    }

    private static async Task<(List<Timed>, double)> RunPageAsync(BrowserProbe browser, string url, List<(string Query, string Title)> queries, int pauseMs, int typedMs, bool countBytes)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var sizes = new ConcurrentQueue<long>();
        var pending = new ConcurrentBag<Task>();
        page.RequestFinished += (_, request) =>
        {
            if (!countBytes || request.Url.Contains("/bench/", StringComparison.Ordinal)) return;
            pending.Add(Task.Run(async () => sizes.Enqueue(Math.Max(0, (await request.SizesAsync()).ResponseBodySize))));
        };
        await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.benchReady === true", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var debounce = await page.EvaluateAsync<double>("() => window.benchDebounceMs");
        var results = new List<Timed>();
        foreach (var (query, title) in queries)
        {
            var outcome = await page.EvaluateAsync<JsonElement>("([q, t, typed]) => window.benchQuery(q, t, typed)", new object[] { query, title, typedMs });
            await Task.Delay(pauseMs); // a reader reads the results; each UI finishes what it does after showing them
            await Task.WhenAll(pending.ToArray());
            long bytes = 0;
            while (sizes.TryDequeue(out var b)) bytes += b;
            var error = outcome.TryGetProperty("error", out var e) ? e.GetString() : null;
            results.Add(new Timed(query, Number(outcome.GetProperty("dom")), Number(outcome.GetProperty("frame")), bytes, error));
            if (results.Count == 1 && error is not null) break;
        }
        return (results, debounce);
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToList();
        return v.Count == 0 ? double.NaN : v[Math.Min(v.Count - 1, (int)Math.Ceiling(p * v.Count) - 1)];
    }

    private static double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    private static string Kb(double bytes) => double.IsNaN(bytes) ? "–" : (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
}
