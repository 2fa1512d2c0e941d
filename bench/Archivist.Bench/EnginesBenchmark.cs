using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archivist.Corpus;
using Archivist.Search.Querying;

namespace Archivist.Bench;

/// <summary>
/// Issue 15: the C# query engine (Search/Querying) against the site's own search-core.js run in Jint
/// (<see cref="JsSearchEngine"/>), on one index: per query, the median time of each over several rounds (each
/// query on a freshly opened index, as one `archivist search` run has; Jint's engine is kept, with the client loaded) and whether the two answers are identical:
/// hits, scores, passages, correction, words used, budget spent and files read. Prints a Markdown table.
/// </summary>
public static class EnginesBenchmark
{
    private static readonly string[] Queries =
    [
        "the", "probation", "probation service", "the probation service", "\"the probation service\"", "ministry of justice",
        "prob", "restora", "probaton", "probaton servce", "goverment reoffendng", "-napo probation", "re-offending", "e-mail",
    ];

    public static int Run(string[] args)
    {
        var index = BenchPaths.Option(args, "--index") ?? throw new ArgumentException("--index DIR is required");
        var rounds = int.Parse(BenchPaths.Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var answers = BenchPaths.Option(args, "--answers") is { } file
            ? JsonSerializer.Deserialize<List<KnownAnswer>>(File.ReadAllText(file))!.Where((_, i) => i % 50 == 0).Select(a => a.Query)
            : [];
        // --queries FILE: one query a line, used as written (trailing spaces included), in place of the built-in ones.
        // Then the parity test's date order and year filters (every generated corpus and the seeds have 2024 and 2025).
        List<SearchRequest> requests =
        [
            .. (BenchPaths.Option(args, "--queries") is { } list ? File.ReadAllLines(list).Where(l => l.Length > 0) : Queries.Concat(answers))
                .Select(q => new SearchRequest(q)),
            new("probation") { Order = SearchOrder.Date },
            new("probation officer") { FromYear = 2024, ToYear = 2024 },
            new("the") { FromYear = 2025 },
            new("justice") { ToYear = 2024, Order = SearchOrder.Date, Limit = 25 },
        ];
        Console.WriteLine($"Machine: {ExternalRun.Machine()}; index {index}; {rounds} rounds");

        var clock = Stopwatch.StartNew();
        var scripts = new JsSearchScripts(Path.Combine(BenchPaths.Root, "templates", "assets", "search"));
        var prepare = clock.Elapsed.TotalMilliseconds;
        var source = new FolderIndexSource(index);
        clock.Restart();
        using var jint = new JsSearchEngine(scripts, source);
        var engineMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        jint.Search(new SearchRequest("probation"));
        var firstJs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        new QueryEngine(new IndexReader(source)).Search(new SearchRequest("probation"));
        var firstCs = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"Jint: scripts parsed in {prepare:0} ms, engine with modules loaded in {engineMs:0} ms; first query (JIT cold) Jint {firstJs:0} ms, C# {firstCs:0} ms");
        Console.WriteLine();
        Console.WriteLine("| Query | Hits | C# ms (median) | Jint ms (median) | of which byte path | Jint / C# | Identical |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        var identical = 0;
        var (csTotal, jsTotal) = (0.0, 0.0);
        foreach (var request in requests)
        {
            var query = request.Query + (request.Order == SearchOrder.Date ? " (by date)" : "") +
                        (request.FromYear is null && request.ToYear is null ? "" : $" ({request.FromYear}-{request.ToYear})") +
                        (request.Limit == 10 ? "" : $" (limit {request.Limit})");
            var cs = new List<double>();
            var js = new List<double>();
            var host = new List<double>();
            string csAnswer = "", jsAnswer = "";
            var total = 0;
            for (var r = 0; r < rounds; r++)
            {
                clock.Restart();
                var reader = new IndexReader(source);
                var c = new QueryEngine(reader).Search(request);
                cs.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                var j = jint.Search(request);
                js.Add(clock.Elapsed.TotalMilliseconds);
                host.Add(j.HostMilliseconds);
                csAnswer = Describe(c.Total, c.Hits, c.Widened, c.TermWeights, c.Plan.UsedWords, c.Plan.IgnoredWords, c.FetchUnits, c.Correction, reader.FilesRead);
                jsAnswer = Describe(j.Total, j.Hits, j.Widened, j.TermWeights, j.UsedWords, j.IgnoredWords, j.FetchUnits, j.Correction, j.FilesRead);
                total = c.Total;
            }
            var same = csAnswer == jsAnswer;
            if (same) identical++;
            else Console.Error.WriteLine($"differs: {query}\nC#:   {csAnswer}\nJint: {jsAnswer}");
            var (csMs, jsMs) = (Median(cs), Median(js));
            csTotal += csMs;
            jsTotal += jsMs;
            Console.WriteLine($"| `{(query.Length > 60 ? query[..57] + "..." : query)}` | {total} | {csMs:0.0} | {jsMs:0.0} | {Median(host):0.0} | {jsMs / csMs:0.0} | {(same ? "yes" : "**no**")} |");
        }
        Console.WriteLine($"| all {requests.Count} (sum of medians) | | {csTotal:0} | {jsTotal:0} | | {jsTotal / csTotal:0.0} | {identical} of {requests.Count} |");
        return identical == requests.Count ? 0 : 1;
    }

    /// <summary>Everything an answer says that `archivist search` prints or the parity tests compare, as one line.</summary>
    private static string Describe(int total, IReadOnlyList<SearchHit> hits, bool widened, IReadOnlyDictionary<string, int> weights,
        int used, int ignored, int units, QueryCorrection? correction, IReadOnlyList<string> files) =>
        $"total {total} widened {widened} used {used} ignored {ignored} units {units} correction {correction} " +
        $"weights {string.Join(',', weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}"))} " +
        $"files {string.Join(',', files.Distinct().Order(StringComparer.Ordinal))} " +
        $"hits {string.Join(';', hits.Select(h => $"{h.Doc}/{h.Score}/{string.Join(' ', h.Passages)}/{h.Meta.Url}/{h.Meta.Title}/{h.Meta.Date}/{h.Meta.DateEstimated}"))}";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
