using Archivist.Cli;
using Archivist.Tests.Support;

namespace Archivist.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archivist-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private int Import(string seeds, string output, bool strict = false) =>
        ImportCommand.Run(new DirectoryInfo(seeds), new DirectoryInfo(output), strict, new Reporter(_out, _err, interactive: false));

    [Fact]
    public void ImportsTheRealSeedsAndSummarises()
    {
        var output = Path.Combine(_root, "md");
        Assert.Equal(ExitCodes.Success, Import(RepoPaths.Seeds, output));
        Assert.Contains("11 posts", _out.ToString());
        Assert.Contains("96 comments", _out.ToString()); // 002 reads as 50 comments since its boundaries follow the evidence (issue 16)
        Assert.True(File.Exists(Path.Combine(output, "2025", "10", "clash-of-cultures.md")));
        Assert.Equal(11, Directory.GetFiles(output, "*.md", SearchOption.AllDirectories).Length);
        // The headerless seed's title and date are guesses, marked in its front matter: notes, not warnings.
        Assert.Contains("002_c5ed0a6886b27c22.txt:1: note: no date and title header; title inferred as", _err.ToString());
        Assert.DoesNotContain("warning:", _err.ToString());
        Assert.Contains("0 warnings", _out.ToString());
    }

    [Fact]
    public void StrictPassesOnTheProjectsOwnSeeds()
    {
        var output = Path.Combine(_root, "md");
        Assert.Equal(ExitCodes.Success, Import(RepoPaths.Seeds, output, strict: true));
        Assert.Equal(11, Directory.GetFiles(output, "*.md", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void StrictFailsOnWarningsAndWritesNothing()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        File.WriteAllText(Path.Combine(seeds, "undated.txt"), "A headerless post with no date anywhere in it.\n");
        var output = Path.Combine(_root, "md");
        Assert.Equal(ExitCodes.WarningsInStrictMode, Import(seeds, output, strict: true));
        Assert.Contains("undated.txt:1: warning: no date header and no dated evidence", _err.ToString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AMissingSeedsFolderIsFatal()
    {
        Assert.Equal(ExitCodes.Fatal, Import(Path.Combine(_root, "nope"), Path.Combine(_root, "md")));
        Assert.Contains("does not exist", _err.ToString());
    }

    [Fact]
    public void RefusesToWriteIntoAForeignFolder()
    {
        var output = Path.Combine(_root, "mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "thesis.docx"), "do not delete");
        Assert.Equal(ExitCodes.Fatal, Import(RepoPaths.Seeds, output));
        Assert.Equal("do not delete", File.ReadAllText(Path.Combine(output, "thesis.docx")));
    }

    [Fact]
    public void AnUnreadableSeedIsSkippedAndTheRestImported()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(RepoPaths.Seeds, "003_d4728fb4844789d3.txt"), Path.Combine(seeds, "003.txt"));
        File.WriteAllBytes(Path.Combine(seeds, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
        var output = Path.Combine(_root, "md");
        Assert.Equal(ExitCodes.Success, Import(seeds, output));
        Assert.Contains("binary.txt: warning:", _err.ToString());
        Assert.Contains("1 post ", _out.ToString());
        Assert.Contains("1 file skipped", _out.ToString());
    }

    [Fact]
    public void SeedsAreNeverModified()
    {
        var before = Directory.GetFiles(RepoPaths.Seeds).ToDictionary(f => f, File.ReadAllBytes);
        Import(RepoPaths.Seeds, Path.Combine(_root, "md"));
        foreach (var (path, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void HelpDescribesTheCommand()
    {
        var result = ExternalTool.Run("dotnet", [typeof(ImportCommand).Assembly.Location, "import", "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--seeds", result.StdOut);
        Assert.Contains("--strict", result.StdOut);
    }
}
