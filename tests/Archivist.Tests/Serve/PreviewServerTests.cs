using System.Net;
using Archivist.Serve;
using Archivist.Tests.Support;

namespace Archivist.Tests.Serve;

/// <summary>The preview server: GitHub Pages' rules on 127.0.0.1, plus live reload that never touches the built files.</summary>
public class PreviewServerTests : IAsyncLifetime
{
    private readonly TestSite _site = new();
    private PreviewServer? _server;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        _site.Options = _site.Options with { BasePath = "/repo/", SiteUrl = "https://example.org/repo/" };
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        _site.Build();
        _server = await PreviewServer.StartAsync(_site.Output, () => "/repo/", 18080 + Random.Shared.Next(0, 1000), searchFreePort: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    private string Url(string path) => $"http://127.0.0.1:{_server!.Port}{path}";

    [Fact]
    public async Task ServesPagesUnderTheBasePathWithTheReloadScript()
    {
        var response = await _http.GetAsync(Url("/repo/2025/10/alpha.html"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(LiveReload.EndpointPath, html);
        Assert.DoesNotContain(LiveReload.EndpointPath, _site.Read("2025/10/alpha.html"));
        Assert.Equal("text/markdown", (await _http.GetAsync(Url("/repo/2025/10/alpha.md"), TestContext.Current.CancellationToken)).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RedirectsToTheBasePathAndToFolders()
    {
        var root = await _http.GetAsync(Url("/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/repo/", root.Headers.Location!.OriginalString);
        var folder = await _http.GetAsync(Url("/repo/archive"), TestContext.Current.CancellationToken);
        Assert.Equal("/repo/archive/", folder.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/repo/missing.html")]
    [InlineData("/repo/%2e%2e/seeds/a.txt")]
    [InlineData("/repo/.archivist-manifest")]
    [InlineData("/elsewhere/")]
    public async Task MissingOrForbiddenIsTheSite404Page(string path)
    {
        var response = await _http.GetAsync(Url(path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/repo/pw.txt")]
    [InlineData("/repo/linked/a.txt")]
    [InlineData("/repo/linked/")]
    [InlineData("/repo/inside.html")]
    public async Task NeverServesThroughALinkPlantedInTheOutput(string path)
    {
        var secret = Path.Combine(_site.Root, "secret.txt");
        File.WriteAllText(secret, "not for the browser");
        File.WriteAllText(Path.Combine(_site.Seeds, "index.html"), "not for the browser either");
        File.CreateSymbolicLink(Path.Combine(_site.Output, "pw.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_site.Output, "linked"), _site.Seeds);
        File.CreateSymbolicLink(Path.Combine(_site.Output, "inside.html"), Path.Combine(_site.Output, "2025", "10", "alpha.html"));
        var response = await _http.GetAsync(Url(path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("not for the browser", body);
        Assert.DoesNotContain("Alpha body", body);
    }

    [Fact]
    public async Task NeverServesAFifoPlantedInTheOutput()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo here; elsewhere a git checkout has none");
        var made = ExternalTool.Run("mkfifo", [Path.Combine(_site.Output, "pipe.txt")]);
        Assert.True(made.ExitCode == 0, made.ToString());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(20)); // reading a FIFO waits for a writer: before, the request never ended
        var response = await _http.GetAsync(Url("/repo/pipe.txt"), cancel.Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LiveReloadTellsListeningPages()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(10));
        using var stream = await _http.GetStreamAsync(Url(LiveReload.EndpointPath), cancel.Token);
        using var reader = new StreamReader(stream);
        Assert.Equal(": connected", await reader.ReadLineAsync(cancel.Token));
        while (_server!.LiveReload.Listeners == 0) await Task.Delay(20, cancel.Token);
        _server.LiveReload.Reload();
        string? line;
        do line = await reader.ReadLineAsync(cancel.Token); while (line == "");
        Assert.Equal("data: reload", line);
    }

    [Fact]
    public void InjectsBeforeTheClosingBody() =>
        Assert.Equal("<p>x</p>" + LiveReload.Script + "</body></html>", LiveReload.Inject("<p>x</p></body></html>"));

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("evil.example:{port}", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.evil.example:{port}", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1:1", HttpStatusCode.BadRequest)]
    [InlineData("localhost:{port}", HttpStatusCode.OK)]
    [InlineData("LOCALHOST", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:{port}", HttpStatusCode.OK)]
    public async Task AnswersOnlyToItsOwnHostNameAgainstDnsRebinding(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/repo/2025/10/alpha.html"));
        request.Headers.Host = host.Replace("{port}", _server!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
            Assert.DoesNotContain("Alpha", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
