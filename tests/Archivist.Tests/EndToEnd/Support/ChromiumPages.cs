using Archivist.Tests.Support;
using Microsoft.Playwright;

namespace Archivist.Tests.EndToEnd.Support;

/// <summary>A browser page with the problems seen on it since the test that asked for it began.</summary>
public sealed record WatchedPage(IPage Page, PageProblems Problems);

/// <summary>
/// One headless Chromium per test class (an xUnit class fixture) and its pages, reused by the class's tests:
/// launching a browser costs seconds on a loaded machine, a navigation milliseconds. The browser starts on
/// first use, inside a test, so a machine without Chromium skips the test with the reason instead of failing
/// the fixture.
/// </summary>
public sealed class ChromiumPages : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (IBrowserContext Context, WatchedPage Page)> _pages = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>
    /// The page called <paramref name="name"/>, made with <paramref name="options"/> the first time and reused
    /// after, its problems cleared. Pages with different options (scripts off, dark scheme) need different names.
    /// </summary>
    public async Task<WatchedPage> PageAsync(string name = "default", BrowserNewContextOptions? options = null, bool anyConsoleOutput = false)
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_browser is null)
            {
                Assertions.SetDefaultExpectTimeout(20_000); // CI machines are shared; pages settle when they settle
                (_playwright, _browser) = await Chromium.LaunchAsync();
            }
            if (!_pages.TryGetValue(name, out var entry))
            {
                var context = await _browser.NewContextAsync(options ?? new BrowserNewContextOptions());
                var page = await context.NewPageAsync();
                entry = (context, new WatchedPage(page, PageProblems.Watch(page, anyConsoleOutput)));
                _pages[name] = entry;
            }
            entry.Page.Problems.Clear();
            return entry.Page;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the page called <paramref name="name"/> and its context, stopping whatever it was still doing.</summary>
    public async Task CloseAsync(string name)
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_pages.Remove(name, out var entry)) await entry.Context.CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (context, _) in _pages.Values) await context.CloseAsync();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
