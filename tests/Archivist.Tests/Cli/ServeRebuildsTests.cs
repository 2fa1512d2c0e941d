using Archivist.Build;
using Archivist.Cli;
using Archivist.Tests.Support;

namespace Archivist.Tests.Cli;

/// <summary>
/// serve's rebuilds: a failed build, however it fails, is reported and the last good site stays served; the next
/// change builds again; a seed that changed while it was read is retried once by itself. Nothing ends the process.
/// </summary>
public class ServeRebuildsTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly StringWriter _err = new();
    private readonly List<BuildRequest> _built = [];
    private int _retries;

    public ServeRebuildsTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        _site.Build();
    }

    public void Dispose() => _site.Dispose();

    private BuildRequest Request() => new()
    {
        SeedsDirectory = _site.Seeds,
        OutputDirectory = _site.Output,
        TemplatesDirectory = _site.Templates,
        Options = _site.Options,
        CacheDirectory = _site.Cache,
        LockWait = TimeSpan.FromSeconds(5),
    };

    private ServeRebuilds Rebuilds(Func<BuildRequest>? makeRequest = null) =>
        new(makeRequest ?? Request, new Reporter(new StringWriter(), _err, interactive: false), _built.Add, () => _retries++);

    [Fact]
    public void AFailedBuildKeepsTheLastGoodSiteAndTheNextChangeBuildsAgain()
    {
        var rebuilds = Rebuilds();
        var layout = Path.Combine(_site.Templates, "layout.sbn-html");
        var good = File.ReadAllText(layout);
        File.WriteAllText(layout, good + "{{ if }}");
        _site.AddSeed("b.txt", SeedText.Post("Friday, 10 October 2025", "Bravo", "Bravo body."));

        rebuilds.Rebuild();
        Assert.Empty(_built);
        // A template mistake is the template's, named with its line and column, never an "unexpected failure".
        Assert.Matches(@"layout\.sbn-html:\d+:\d+: ", _err.ToString());
        Assert.DoesNotContain("unexpected failure", _err.ToString());
        Assert.True(_err.ToString().Contains("still serving the last good build"), _err.ToString());
        Assert.True(_site.Exists("2025/10/alpha.html"));
        Assert.False(_site.Exists("2025/10/bravo.html"));

        File.WriteAllText(layout, good);
        rebuilds.Rebuild();
        Assert.Single(_built);
        Assert.True(_site.Exists("2025/10/bravo.html"));
        Assert.Equal(0, _retries);
    }

    [Fact]
    public void AnUnexpectedFailureIsReportedAndNeverThrown()
    {
        var calls = 0;
        var rebuilds = Rebuilds(() => ++calls == 1 ? throw new InvalidOperationException("the state went wrong") : Request());

        rebuilds.Rebuild(); // before: this threw on serve's timer thread, which ended the process
        Assert.Contains("error: unexpected failure: InvalidOperationException: the state went wrong", _err.ToString());
        Assert.Contains("Still serving the last good build", _err.ToString());
        Assert.Empty(_built);

        rebuilds.Rebuild();
        Assert.Single(_built);
    }

    [Fact]
    public void ASeedThatChangedWhileReadIsRetriedOnceByItself()
    {
        var outcomes = new Queue<BuildCommand.Outcome>([new(ExitCodes.Fatal, SeedChanged: true), new(ExitCodes.Fatal, SeedChanged: true),
            new(ExitCodes.Fatal, SeedChanged: true), new(ExitCodes.Success)]);
        var rebuilds = new ServeRebuilds(Request, new Reporter(new StringWriter(), _err, interactive: false), _built.Add, () => _retries++)
        {
            Build = (_, _) => outcomes.Dequeue(),
        };

        rebuilds.Rebuild();
        Assert.Equal(1, _retries);
        rebuilds.Rebuild(); // the retry: changed again, so it waits for the next change
        Assert.Equal(1, _retries);
        Assert.Contains("still serving the last good build", _err.ToString());
        rebuilds.Rebuild(); // a new change: may retry again
        Assert.Equal(2, _retries);
        rebuilds.Rebuild();
        Assert.Single(_built);
    }
}
