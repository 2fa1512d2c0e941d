using Archivist.Tests.Support;

namespace Archivist.Tests.Cli;

/// <summary>The <c>build</c> command as a publisher runs it: a real process, its exit code, its messages.</summary>
public class BuildCommandTests : IDisposable
{
    private readonly TestSite _site = new();

    public BuildCommandTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), "title: CLI Test\n");
    }

    public void Dispose() => _site.Dispose();

    private ExternalTool.Result Run(params string[] args) => Run(args, []);

    private ExternalTool.Result Run(string[] args, Dictionary<string, string> environment) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "archivist.dll"), .. args], workingDirectory: _site.Root,
            environment: new Dictionary<string, string> { ["CI"] = "1", ["ARCHIVIST_CALLER_DIR"] = "", ["ARCHIVIST_COMMAND_NAME"] = "" }
                .Concat(environment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    [Fact]
    public void HelpListsTheOptions()
    {
        var result = Run("build", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--seeds", "--out", "--templates", "--config", "--title", "--description", "--author", "--base-path", "--site-url",
                     "--posts-per-page", "--permalink", "--language", "--cache", "--no-cache", "--force", "--strict" })
            Assert.Contains(option, result.StdOut);
        var serve = Run("serve", "--help");
        foreach (var option in new[] { "--title", "--posts-per-page", "--permalink", "--config" }) Assert.Contains(option, serve.StdOut);
    }

    [Fact]
    public void BuildsWithDefaultsThenDoesNothingTheSecondTime()
    {
        var first = Run("build", "--out", "site");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Built 1 post", first.StdOut);
        Assert.True(File.Exists(Path.Combine(_site.Root, "site", "2025", "10", "alpha.html")));
        Assert.Contains("<title>CLI Test</title>", File.ReadAllText(Path.Combine(_site.Root, "site", "index.html")));
        Assert.True(Directory.Exists(Path.Combine(_site.Root, ".archivist", "cache", "seeds")));
        var second = Run("build", "--out", "site");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nothing changed", second.StdOut);
    }

    [Fact]
    public void DiagnosticsNameSeedsFromWhereTheUserRanTheCommand()
    {
        _site.AddSeed("b.txt", "A post with no date header\n\nAnd no date anywhere in its text.\n");
        var here = Run("build", "--out", "site", "--no-cache");
        Assert.True(here.ExitCode == 0, here.ToString());
        Assert.Contains(Path.Combine("seeds", "b.txt") + ":1: warning: no date header", here.StdErr);
        Assert.Contains("in site.", here.StdOut);

        // ./build.sh runs the tool from the repository root and says where the user was.
        var fromSeeds = Run(["build", "--out", Path.Combine("..", "site"), "--no-cache"], new() { ["ARCHIVIST_CALLER_DIR"] = _site.Seeds });
        Assert.Contains(Environment.NewLine + "b.txt:1: warning: no date header", Environment.NewLine + fromSeeds.StdErr);
        Assert.Contains("in " + Path.Combine("..", "site") + ".", fromSeeds.StdOut);
    }

    [Fact]
    public void TypedPathsAreRelativeToWhereTheUserIsAndDefaultsToTheProjectFolder()
    {
        var sub = Path.Combine(_site.Root, "sub");
        Directory.CreateDirectory(sub);
        var result = Run(["build", "--out", "site"], new() { ["ARCHIVIST_CALLER_DIR"] = sub });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(sub, "site", "2025", "10", "alpha.html"))); // --out typed in sub/
        Assert.Contains("<title>CLI Test</title>", File.ReadAllText(Path.Combine(sub, "site", "index.html"))); // archivist.yml of the project
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "site")));
    }

    [Fact]
    public void ControlCharactersInWhatIsPrintedAreShownEscaped()
    {
        // "\e]0;PWNED\a" would retitle the terminal; "\u009B2J" is a C1 escape that clears it on some terminals. Seed text
        // is cleaned of controls as it is read, but a file's name (git stores any) and a path typed are printed as given.
        _site.AddSeed("b\u001b]0;PWNED\u0007.txt", "A post with no date header\n\nAnd no date anywhere in its text.\n");
        var result = Run("build", "--out", "site", "--no-cache");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(@"b\e]0;PWNED\a.txt:1: warning: no date header", result.StdErr);
        var flag = Run("build", "--out", "s\u009B2J", "--no-cache");
        Assert.True(flag.ExitCode == 0, flag.ToString());
        Assert.Contains(@"in s\u009B2J.", flag.StdOut);
        foreach (var output in new[] { result.StdErr, result.StdOut, flag.StdErr, flag.StdOut })
            Assert.DoesNotContain(output, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
    }

    [Fact]
    public void FlagsOverrideSettings()
    {
        var result = Run("build", "--out", "site", "--base-path", "/repo/", "--site-url", "https://user.github.io/repo/", "--no-cache");
        Assert.True(result.ExitCode == 0, result.ToString());
        var home = File.ReadAllText(Path.Combine(_site.Root, "site", "index.html"));
        Assert.Contains("href=\"/repo/archive/\"", home);
        Assert.Contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/\">", home);
        Assert.False(Directory.Exists(Path.Combine(_site.Root, ".archivist")));
    }

    [Fact]
    public void StrictBuildOfTheProjectsOwnSeedsSucceeds()
    {
        var result = Run("build", "--seeds", RepoPaths.Seeds, "--out", "site", "--no-cache", "--strict", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Built 11 posts", result.StdOut);
        Assert.Contains("0 warnings", result.StdOut);
    }

    [Fact]
    public void BadSettingIsExitTwoNamingKeyAndLine()
    {
        File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), "title: x\ncolour: red\n");
        var result = Run("build", "--out", "site");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("archivist.yml:2", result.StdErr);
        Assert.Contains("'colour'", result.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "site")));
    }

    [Fact]
    public void ForeignOutputFolderIsExitTwo()
    {
        Directory.CreateDirectory(Path.Combine(_site.Root, "docs"));
        File.WriteAllText(Path.Combine(_site.Root, "docs", "notes.txt"), "mine");
        var result = Run("build", "--out", "docs");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not generate", result.StdErr);
    }

    [Fact]
    public void CacheInsideTheOutputIsRefused()
    {
        var result = Run("build", "--out", "site", "--cache", "site/cache");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cache", result.StdErr);
    }

    [Fact]
    public void MissingSeedsFolderIsExitTwo()
    {
        var result = Run("build", "--out", "site", "--seeds", "nowhere");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere", result.StdErr);
    }

    [Fact]
    public void SettingFlagsOverrideTheFileAndAreCheckedLikeIt()
    {
        var result = Run("build", "--out", "site", "--no-cache", "--title", "Flag Title", "--posts-per-page", "1", "--permalink", "/posts/{slug}.html");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("<title>Flag Title</title>", File.ReadAllText(Path.Combine(_site.Root, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(_site.Root, "site", "posts", "alpha.html")));

        var bad = Run("build", "--out", "site2", "--posts-per-page", "0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--posts-per-page", bad.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "site2")));
    }

    [Fact]
    public void APermalinkUnderTheSitesOwnFoldersIsExitTwoNotAHang()
    {
        File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), "title: x\npermalink: /archive/{slug}.html\n");
        var result = Run("build", "--out", "site");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("archivist.yml:2", result.StdErr);
        Assert.Contains("permalink", result.StdErr);
    }

    [Fact]
    public void AConfigFileGivenByNameMustExist()
    {
        var result = Run("build", "--out", "site", "--config", "no-such.yml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such.yml", result.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "site")));
        File.Delete(Path.Combine(_site.Root, "archivist.yml"));
        Assert.Equal(0, Run("build", "--out", "site").ExitCode); // the default file may be absent
    }

    [Fact]
    public void ATamperedManifestIsExitTwoNamingItForBuildAndClean()
    {
        Assert.Equal(0, Run("build", "--out", "site").ExitCode);
        File.AppendAllText(Path.Combine(_site.Root, "site", ".archivist-manifest"), "../victim/v.txt\t1\tabc\n");
        foreach (var command in new[] { "build", "clean" })
        {
            var result = Run(command, "--out", "site");
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains(".archivist-manifest", result.StdErr);
            Assert.DoesNotContain("   at ", result.StdErr); // a message, not a stack trace
        }
    }

    /// <summary>
    /// <c>--cache .</c> in the project folder once made the cache's pruning delete every seed; <c>--cache seeds/.cache</c>
    /// made serve rebuild for ever. A cache or output folder that is, holds or sits inside an input is refused first.
    /// </summary>
    [Theory]
    [InlineData("build", "--cache", ".", "seeds folder")]
    [InlineData("build", "--cache", "seeds/.cache", "seeds folder")]
    [InlineData("build", "--cache", "templates/cache", "templates folder")]
    [InlineData("build", "--cache", "alias", "seeds folder")]          // alias -> . : the same folder by another name
    [InlineData("build", "--out", "seeds-link/site", "seeds folder")]  // seeds-link -> seeds
    [InlineData("build", "--out", ".", "seeds folder")]
    [InlineData("serve", "--cache", ".", "seeds folder")]
    [InlineData("serve", "--cache", "seeds/.cache", "seeds folder")]
    [InlineData("clean", "--out", ".", "seeds folder")]
    public void ACacheOrOutputOverlappingTheInputsIsRefusedAndNoSeedIsLost(string command, string option, string folder, string named)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(_site.Root, "alias"), ".");
            File.CreateSymbolicLink(Path.Combine(_site.Root, "seeds-link"), "seeds");
        }
        else if (folder.Contains("link") || folder == "alias") Skip.Because("symbolic links need special rights on Windows");
        // A first build leaves a cache with an entry, so a wrongly placed cache would have something to prune.
        Assert.Equal(0, Run("build", "--out", "site").ExitCode);
        var seedsBefore = Directory.GetFiles(_site.Seeds, "*", SearchOption.AllDirectories).Order().ToList();

        string[] args = option == "--out" ? [command, "--out", folder] : [command, "--out", "site", "--cache", folder];
        var result = RunWithin(TimeSpan.FromSeconds(60), args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(option, result.StdErr);
        Assert.Contains(named, result.StdErr);
        Assert.Contains($"'{Path.GetFullPath(Path.Combine(_site.Root, folder))}'", result.StdErr);
        Assert.Contains($"'{(named == "seeds folder" ? _site.Seeds : _site.Templates)}'", result.StdErr);
        Assert.Equal(seedsBefore, Directory.GetFiles(_site.Seeds, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void ImportIntoTheSeedsFolderIsRefused()
    {
        var result = Run("import", "--out", "seeds/md");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("seeds folder", result.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_site.Seeds, "md")));
    }

    /// <summary>A skipped seed is a warning in the line, the count and --strict alike: "error:" is only ever printed by a command that failed.</summary>
    [Fact]
    public void ABinarySeedIsAWarningInTheLineAndTheCountAndFailsOnlyUnderStrict()
    {
        File.WriteAllBytes(Path.Combine(_site.Seeds, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var result = Run("build", "--out", "site", "--no-cache");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("image.txt: warning: looks like a binary file", result.StdErr);
        Assert.DoesNotContain("error", result.StdErr);
        Assert.Contains("; 1 warning.", result.StdOut);

        var strict = Run("build", "--out", "site", "--no-cache", "--strict");
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("image.txt: warning: looks like a binary file", strict.StdErr);
        Assert.Contains("1 warning(s) and --strict", strict.StdErr);

        var import = Run("import", "--out", "md");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("image.txt: warning: looks like a binary file", import.StdErr);
        Assert.Contains("1 warning, 1 file skipped", import.StdOut);
    }

    private ExternalTool.Result RunWithin(TimeSpan timeout, params string[] args) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "archivist.dll"), .. args], workingDirectory: _site.Root, timeout: timeout,
            environment: new Dictionary<string, string> { ["CI"] = "1" });
}
