using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Archivist.Tests.EndToEnd.Support;

/// <summary>
/// Everything on a page that a reader would meet as breakage or an attacker as success: console errors and
/// warnings, uncaught script errors, requests that failed or were answered 4xx/5xx, and dialogs (alert,
/// confirm, prompt; each is dismissed so the page never hangs). Attach once per page; check with
/// <see cref="AssertNone"/> after each step so a failure says where it happened.
/// </summary>
public sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, byte> _expectedNotFound = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _added = new(0);

    private PageProblems(IPage page, bool anyConsoleOutput)
    {
        page.Console += (_, message) =>
        {
            if (IsExpectedNotFoundMessage(message)) return;
            // Search results and pages log nothing when all is well, so for hostile input any output counts.
            if (anyConsoleOutput || message.Type is "error" or "warning")
                Add($"console {message.Type} on {page.Url}: {message.Text} (at {message.Location})");
        };
        page.PageError += (_, error) => Add($"uncaught error on {page.Url}: {error}");
        page.RequestFailed += (_, request) => Add($"request failed on {page.Url}: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status < 400) return;
            if (response.Status == 404 && _expectedNotFound.ContainsKey(response.Url)) return;
            Add($"HTTP {response.Status} on {page.Url}: {response.Request.Method} {response.Url}");
        };
        page.Dialog += async (_, dialog) =>
        {
            Add($"{dialog.Type} dialog on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    private void Add(string problem)
    {
        _problems.Enqueue(problem);
        _added.Release();
    }

    /// <summary>Starts watching a page: console errors and warnings count, or any console output at all.</summary>
    public static PageProblems Watch(IPage page, bool anyConsoleOutput = false) => new(page, anyConsoleOutput);

    /// <summary>What has been seen so far.</summary>
    public IReadOnlyList<string> Seen => _problems.ToArray();

    /// <summary>
    /// Waits until a problem matching <paramref name="match"/> has been seen, or <paramref name="patience"/> has
    /// passed: events reach the test a little after the page raises them. Callers assert on <see cref="Seen"/> after.
    /// </summary>
    public async Task WaitForAsync(Func<string, bool> match, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!Seen.Any(match))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _added.WaitAsync(left, TestContext.Current.CancellationToken)) return;
        }
    }

    /// <summary>A URL the test requests on purpose to get the site's 404 page; its 404 (and Chromium's note about it) is no problem.</summary>
    public void ExpectNotFound(string url) => _expectedNotFound[url] = 0;

    /// <summary>Forgets what was seen, so one test's problems are not blamed on the next that reuses the page.</summary>
    public void Clear()
    {
        _problems.Clear();
        _expectedNotFound.Clear();
    }

    public void AssertNone(string when)
    {
        var seen = Seen;
        Assert.True(seen.Count == 0, $"{when}: {seen.Count} problem(s) in the browser:\n  " + string.Join("\n  ", seen));
    }

    // Chromium logs "Failed to load resource: … 404" for every 404, including the one asked for.
    private bool IsExpectedNotFoundMessage(IConsoleMessage message) =>
        message.Type == "error" && message.Text.Contains("status of 404", StringComparison.Ordinal)
        && _expectedNotFound.ContainsKey(TrimLineAndColumn(message.Location));

    // Location reads "URL:line:column", e.g. "http://127.0.0.1:4000/missing/:0:0".
    private static string TrimLineAndColumn(string location)
    {
        var end = location.Length;
        for (var part = 0; part < 2; part++)
        {
            var colon = location.LastIndexOf(':', end - 1);
            if (colon <= 0) return location;
            end = colon;
        }
        return location[..end];
    }
}
