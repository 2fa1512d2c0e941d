using System.Net.Sockets;
using Archivist.Seeds;
using Archivist.Tests.Support;

namespace Archivist.Tests.Seeds;

/// <summary>
/// What the seeds folder may hold besides seeds. Only regular files inside it are read: a FIFO or socket is skipped
/// (opening a FIFO once hung the build for ever), links that leave the folder are refused (<c>p.txt -> /etc/passwd</c>
/// was published), links to folders are not followed (<c>ln -s .. up</c> never finished), and each is a warning naming it.
/// </summary>
public sealed class SeedFolderTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly string _outside;

    public SeedFolderTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), "title: Links\n");
        // A file outside the seeds folder that must never be published, shaped like a seed so it would import.
        _outside = Path.Combine(Path.GetTempPath(), "archivist-secret-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllText(_outside, SeedText.Post("Friday, 10 October 2025", "Secret", "token ghp_notforpublishing"));
    }

    public void Dispose()
    {
        _site.Dispose();
        File.Delete(_outside);
    }

    private static void RequireUnix()
    {
        if (OperatingSystem.IsWindows()) Skip.Because("FIFOs, Unix sockets and unprivileged symbolic links are Unix features");
    }

    private string Seed(string name) => Path.Combine(_site.Seeds, name);

    private void MakeFifo(string name) => Assert.Equal(0, ExternalTool.Run(ExternalTool.Require("mkfifo", "makes the FIFO"), [Seed(name)]).ExitCode);

    /// <summary>The build as a separate process, given a minute: a hang is a failure, not a stuck test run.</summary>
    private ExternalTool.Result Build() =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "archivist.dll"), "build", "--out", "site", "--no-cache"],
            workingDirectory: _site.Root, timeout: TimeSpan.FromSeconds(60), environment: new Dictionary<string, string> { ["CI"] = "1" });

    [Fact]
    public async Task OnlyRegularFilesAndLinksToFilesInsideTheFolderAreListed()
    {
        RequireUnix();
        Directory.CreateDirectory(Seed("store"));
        File.WriteAllText(Seed("store/b.dat"), SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Bravo body."));
        File.CreateSymbolicLink(Seed("b.txt"), "store/b.dat");   // inside: read
        File.CreateSymbolicLink(Seed("p.txt"), _outside);         // outside: refused
        File.CreateSymbolicLink(Seed("loop"), ".");               // folders: not followed
        File.CreateSymbolicLink(Seed("up"), "..");
        File.CreateSymbolicLink(Seed("gone.txt"), "nowhere.txt"); // dangling
        MakeFifo("pipe.txt");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Seed("socket.txt")));

        // Bounded: following those links once walked the machine or for ever.
        var listing = Task.Run(() => SeedReader.List(_site.Seeds), TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(first == listing, "listing the seeds did not finish");
        Assert.Equal(["a.txt", "b.txt"], (await listing).Select(f => f.Name));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AFolderThatCannotBeReadIsAWarningNamingIt()
    {
        RequireUnix();
        var locked = Seed("private");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "c.txt"), SeedText.Post("Monday, 6 October 2025", "Charlie", "Charlie body."));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            try
            {
                Directory.EnumerateFileSystemEntries(locked).ToList();
                Skip.Because("this test runs with a user (root) that reads folders whatever their permissions, so no folder here is unreadable");
            }
            catch (UnauthorizedAccessException)
            {
                // As expected for an ordinary user.
            }
            var (files, skipped) = SeedReader.Scan(_site.Seeds);
            Assert.Equal(["a.txt"], files.Select(f => f.Name));
            var warning = Assert.Single(skipped);
            Assert.Equal((DiagnosticSeverity.Warning, "private/"), (warning.Severity, warning.File));
            Assert.Contains("cannot read this folder", warning.Message);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void ABuildSkipsAFifoWithAWarningInsteadOfHanging()
    {
        RequireUnix();
        MakeFifo("pipe.txt");
        var result = Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pipe.txt: warning: is not a regular file", result.StdErr);
        Assert.Contains("1 warning", result.StdOut);
        Assert.True(File.Exists(Path.Combine(_site.Root, "site", "2025", "10", "alpha.html")));
    }

    [Fact]
    public void ABuildFollowsNoLinkOutOfTheSeedsFolderAndNoLinkToAFolder()
    {
        RequireUnix();
        File.CreateSymbolicLink(Seed("p.txt"), _outside);
        File.CreateSymbolicLink(Seed("loop"), ".");
        File.CreateSymbolicLink(Seed("up"), "..");
        File.CreateSymbolicLink(Seed("r"), "/");
        File.CreateSymbolicLink(Seed("alias.txt"), "a.txt"); // inside: fine (the same post, merged)

        var result = Build();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("p.txt: warning: is a link to", result.StdErr);
        Assert.Contains("outside the folder", result.StdErr);
        Assert.Contains("loop: warning: is a link to a folder", result.StdErr);
        Assert.Contains("up: warning: is a link to", result.StdErr);
        Assert.Contains("r: warning: is a link to", result.StdErr);
        Assert.DoesNotContain("loop/", result.StdErr);
        var site = Path.Combine(_site.Root, "site");
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("ghp_notforpublishing", File.ReadAllText(file));
        Assert.False(File.Exists(Path.Combine(site, "2025", "10", "secret.html")));
        Assert.Contains("Built 1 post", result.StdOut);
    }

    [Fact]
    public void AnEditToTheFileALinkInsideTheFolderLeadsToIsSeen()
    {
        RequireUnix();
        Directory.CreateDirectory(Seed("store"));
        File.WriteAllText(Seed("store/b.dat"), SeedText.Post("Wednesday, 1 October 2025", "Bravo", "First text."));
        File.CreateSymbolicLink(Seed("b.txt"), "store/b.dat");
        _site.Build();
        Assert.Contains("First text.", _site.Read("2025/10/bravo.html"));
        File.WriteAllText(Seed("store/b.dat"), SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Second, longer text."));
        _site.Build();
        Assert.Contains("Second, longer text.", _site.Read("2025/10/bravo.html"));
    }

    /// <summary>The templates are walked the same way: an asset linked out of them would be published.</summary>
    [Fact]
    public void ATemplateAssetLinkedOutOfTheTemplatesStopsTheBuildNamingIt()
    {
        RequireUnix();
        File.CreateSymbolicLink(Path.Combine(_site.Templates, "assets", "leak.txt"), _outside);
        var e = Assert.Throws<Archivist.Rendering.TemplateException>(() => _site.Build());
        Assert.Contains("leak.txt", e.Message);
        Assert.Contains("outside the folder", e.Message);
        Assert.False(File.Exists(Path.Combine(_site.Output, "assets", "leak.txt")));
    }
}
