using Microsoft.Playwright;

namespace Archivist.Tests.Search.Support;

/// <summary>Headless Debian Chromium driven by Playwright (its own browser download cannot work here).</summary>
public static class SearchBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium)) Assert.Skip($"{Chromium} is not installed, so the search page cannot be tested in a browser. .ci/run installs it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
        return (playwright, browser);
    }
}
