using System.Net;
using Archivist.Build;
using Archivist.Cli;
using Archivist.Serve;
using Archivist.Tests.Support;

namespace Archivist.Tests.Serve;

/// <summary><c>serve</c> after a change that breaks a template: the mistake is shown, and readers keep the last good site.</summary>
public sealed class ServeRebuildTests : IAsyncLifetime
{
    private readonly TestSite _site = new();
    private readonly HttpClient _http = new();
    private PreviewServer? _server;

    public async ValueTask InitializeAsync()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        _site.Build();
        _server = await PreviewServer.StartAsync(_site.Output, () => "/", 19080 + Random.Shared.Next(0, 1000), searchFreePort: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    private BuildRequest Request() => new()
    {
        SeedsDirectory = _site.Seeds, OutputDirectory = _site.Output, TemplatesDirectory = _site.Templates,
        Options = _site.Options, CacheDirectory = _site.Cache, LockWait = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData("<h1>{{ post.title }</h1>")]              // does not parse
    [InlineData("<h1>{{ post.title | no_such_filter }}</h1>")] // fails as the page renders
    public async Task ATemplateMistakeIsShownWhileTheLastGoodSiteStaysUp(string brokenPost)
    {
        var before = _site.Files();
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "post.sbn-html"), brokenPost);
        var stderr = new StringWriter();
        var built = new List<BuildRequest>();
        var rebuilds = new ServeRebuilds(Request, new Reporter(new StringWriter(), stderr, interactive: false), built.Add, () => { });
        rebuilds.Rebuild();

        Assert.Empty(built);
        Assert.Matches(@"error: .*post\.sbn-html:1:\d+: ", stderr.ToString());
        Assert.Contains("still serving the last good build", stderr.ToString());
        var after = _site.Files();
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        var page = await _http.GetAsync($"http://127.0.0.1:{_server!.Port}/2025/10/alpha.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Alpha body.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        File.WriteAllText(Path.Combine(_site.Templates, "pages", "post.sbn-html"), "<h1>{{ post.title }}</h1><p>fixed</p>");
        rebuilds.Rebuild();
        Assert.Single(built);
        Assert.Contains("<p>fixed</p>", _site.Read("2025/10/alpha.html"));
    }
}
