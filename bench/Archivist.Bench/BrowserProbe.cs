using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Archivist.Bench;

/// <summary>One query as a probe page ran it: milliseconds to a ranked list and to five shown results, bytes fetched, top URLs.</summary>
public sealed record ProbeQuery(string Query, double RankedMs, double ShownMs, long Bytes, int Requests, int Total, IReadOnlyList<string> Urls, string? Error)
{
    /// <summary>Milliseconds from the query's start to the probe's intermediate stages, where the probe reports them.</summary>
    public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// Drives a probe page (bench/search/*.html) in headless Debian Chromium and counts what each query fetches:
/// the encoded (transferred) body bytes of every response, as the browser reports them.
/// </summary>
public sealed class BrowserProbe : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserProbe(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserProbe> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserProbe(playwright, browser);
    }

    /// <summary>
    /// Opens the probe in a fresh context (empty cache), runs the queries in order in that one page and
    /// measures each. The first query's bytes include everything the page fetched before it (library, entry files).
    /// </summary>
    /// <remarks>
    /// With <paramref name="countBytes"/> false no request is inspected (bytes read as 0): asking the browser for
    /// every response's sizes costs round trips to it during the measured queries.
    /// </remarks>
    public async Task<IReadOnlyList<ProbeQuery>> RunAsync(string probeUrl, IReadOnlyList<string> queries, TimeSpan perQuery, bool countBytes = true)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var sizes = new ConcurrentQueue<(long Bytes, bool Probe)>();
        var pending = new ConcurrentBag<Task>();
        if (countBytes)
            page.RequestFinished += (_, request) => pending.Add(Task.Run(async () =>
            {
                var s = await request.SizesAsync();
                sizes.Enqueue((Math.Max(0, s.ResponseBodySize), request.Url == probeUrl));
            }));

        await page.GotoAsync(probeUrl, new PageGotoOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.benchReady === true", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var results = new List<ProbeQuery>();
        foreach (var query in queries)
        {
            JsonElement outcome;
            string? error = null;
            try
            {
                outcome = await page.EvaluateAsync<JsonElement>("q => window.benchSearch(q)", query).WaitAsync(perQuery);
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                outcome = default;
                error = e.GetType().Name + ": " + e.Message.Split('\n')[0];
            }
            if (countBytes)
            {
                await Task.Delay(100); // let the last RequestFinished events arrive
                await Task.WhenAll(pending.ToArray());
            }
            long bytes = 0;
            var requests = 0;
            while (sizes.TryDequeue(out var s))
            {
                if (s.Probe) continue;
                bytes += s.Bytes;
                requests++;
            }
            results.Add(error is not null
                ? new ProbeQuery(query, double.NaN, double.NaN, bytes, requests, 0, [], error)
                : new ProbeQuery(query, outcome.GetProperty("ranked").GetDouble(), outcome.GetProperty("shown").GetDouble(), bytes, requests,
                    outcome.GetProperty("total").GetInt32(), outcome.GetProperty("urls").EnumerateArray().Select(u => u.GetString() ?? "").ToList(), null)
                {
                    Stages = outcome.TryGetProperty("stages", out var stages)
                        ? stages.EnumerateObject().ToDictionary(p => p.Name, p => Number(p.Value))
                        : new Dictionary<string, double>(),
                });
            if (error is not null) break; // a page that timed out is in no state to go on
        }
        return results;
    }

    /// <summary>
    /// Each query as a reader's first: a fresh context (empty cache) per query, the probe opened (library, entry
    /// files, Pagefind's init) and then the one query measured. No byte counts.
    /// </summary>
    public async Task<IReadOnlyList<ProbeQuery>> RunFreshAsync(string probeUrl, IReadOnlyList<string> queries, TimeSpan perQuery)
    {
        var results = new List<ProbeQuery>();
        foreach (var query in queries)
            results.Add((await RunAsync(probeUrl, [query], perQuery, countBytes: false))[0]);
        return results;
    }

    /// <summary>A fresh context (empty cache) in the probe's browser, for drivers that script pages of their own.</summary>
    public Task<IBrowserContext> NewContextAsync() => _browser.NewContextAsync();

    /// <summary>A number from the page: Playwright passes -0, NaN and the infinities as strings.</summary>
    private static double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
