using Archivist.Output;

namespace Archivist.Tests.Output;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archivist-out-").FullName;
    private string Site => Path.Combine(_root, "site");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CommitSummary Build(params (string Path, string Text)[] files)
    {
        using var folder = OutputFolder.Open(Site, TimeSpan.FromSeconds(5));
        using var tx = folder.Begin();
        foreach (var (path, text) in files) tx.WriteText(path, text);
        return tx.Commit();
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(Site, path));
    private DateTime Modified(string path) => File.GetLastWriteTimeUtc(Path.Combine(Site, path));

    [Fact]
    public void UnchangedFilesAreNotRewritten()
    {
        Build(("a.html", "A"), ("b/c.html", "C"));
        var before = (Modified("a.html"), Modified("b/c.html"));
        Thread.Sleep(20);
        var summary = Build(("a.html", "A"), ("b/c.html", "C changed"));
        Assert.Equal(1, summary.Written);
        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(before.Item1, Modified("a.html"));
        Assert.NotEqual(before.Item2, Modified("b/c.html"));
        Assert.Equal("C changed", Read("b/c.html"));
    }

    [Fact]
    public void FilesNotWrittenAgainAreDeletedButOnlyGeneratedOnes()
    {
        Build(("a.html", "A"), ("old/x.html", "X"));
        File.WriteAllText(Path.Combine(Site, "CNAME"), "archive.example"); // the publisher's own file
        var summary = Build(("a.html", "A"));
        Assert.Equal(1, summary.Deleted);
        Assert.False(File.Exists(Path.Combine(Site, "old/x.html")));
        Assert.False(Directory.Exists(Path.Combine(Site, "old")));
        Assert.Equal("archive.example", Read("CNAME"));
    }

    [Fact]
    public void RefusesAFolderItDidNotCreate()
    {
        Directory.CreateDirectory(Site);
        File.WriteAllText(Path.Combine(Site, "precious.txt"), "mine");
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains("did not generate", error.Message);
        Assert.Equal("mine", Read("precious.txt"));
    }

    [Fact]
    public void ATransactionThatIsNotCommittedChangesNothing()
    {
        Build(("a.html", "A"));
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin())
        {
            tx.WriteText("a.html", "half-built");
            tx.WriteText("new.html", "N");
        } // disposed without Commit, as when a build throws
        Assert.Equal("A", Read("a.html"));
        Assert.False(File.Exists(Path.Combine(Site, "new.html")));
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
    }

    [Fact]
    public void StagedWorkOfAKilledBuildIsDiscardedOnNextOpen()
    {
        Build(("a.html", "A"));
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "never committed");
        using var folder = OutputFolder.Open(Site, TimeSpan.Zero);
        Assert.NotNull(folder.RecoveryNote);
        Assert.Equal("A", Read("a.html"));
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
    }

    [Fact]
    public void ACommitInterruptedAfterItsJournalIsFinishedOnNextOpen()
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        // Simulate a build killed just after its commit point: staged file and journal on disk, nothing moved.
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "A2");
        var manifest = new OutputManifest([new ManifestEntry("a.html", 2, "h", File.GetLastWriteTimeUtc(staged).Ticks)]).Serialize();
        File.WriteAllText(Path.Combine(Site, OutputFolder.JournalFileName), $"move\ta.html\ndelete\tgone.html\nmanifest\n{manifest}");

        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        {
            Assert.Contains("completed", folder.RecoveryNote);
            Assert.True(folder.Manifest.Contains("a.html"));
            Assert.False(folder.Manifest.Contains("gone.html"));
        }
        Assert.Equal("A2", Read("a.html"));
        Assert.False(File.Exists(Path.Combine(Site, "gone.html")));
        Assert.False(File.Exists(Path.Combine(Site, OutputFolder.JournalFileName)));
    }

    [Fact]
    public void NewFoldersMoveInWholeBesideFilesOfFoldersThatExist()
    {
        Build(("a.html", "A"), ("b/old.html", "O"));
        Build(("a.html", "A"), ("b/old.html", "O"), ("b/new.html", "N"), ("c/d/e.html", "E"), ("c/d/f.html", "F"), ("c/g.html", "G"));
        Assert.Equal(["E", "F", "G", "N", "O"], new[] { "c/d/e.html", "c/d/f.html", "c/g.html", "b/new.html", "b/old.html" }.Select(Read).Order());
        using var folder = OutputFolder.Open(Site, TimeSpan.Zero);
        Assert.Equal(6, folder.Manifest.Count);
        Assert.All(folder.Manifest.Entries, e => Assert.Equal(e.ModifiedTicks, File.GetLastWriteTimeUtc(Path.Combine(Site, e.Path)).Ticks));
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
    }

    [Fact]
    public void ACommitInterruptedAfterMovingAFolderIsFinishedOnNextOpen()
    {
        Build(("a.html", "A"));
        // Killed after the commit point with one new folder already moved in and another still staged.
        var staging = Path.Combine(Site, OutputFolder.StagingFolderName);
        Directory.CreateDirectory(Path.Combine(Site, "x"));
        File.WriteAllText(Path.Combine(Site, "x", "1.html"), "X1");
        Directory.CreateDirectory(Path.Combine(staging, "y", "z"));
        File.WriteAllText(Path.Combine(staging, "y", "z", "2.html"), "Y2");
        var entries = new[] { "x/1.html", "y/z/2.html" }.Select(p => new ManifestEntry(p, 2, "h", 0)).Append(new ManifestEntry("a.html", 1, "h", 0));
        var manifest = new OutputManifest(entries).Serialize();
        File.WriteAllText(Path.Combine(Site, OutputFolder.JournalFileName), $"move\tx/1.html\nmove\ty/z/2.html\nmanifest\n{manifest}");

        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero)) Assert.Contains("completed", folder.RecoveryNote);
        Assert.Equal("X1", Read("x/1.html"));
        Assert.Equal("Y2", Read("y/z/2.html"));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void ASecondWriterWaitsThenRefusesClearly()
    {
        using var first = OutputFolder.Open(Site, TimeSpan.Zero);
        var messages = new List<string>();
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.FromMilliseconds(500), messages.Add));
        Assert.Contains("another archivist build", error.Message);
        Assert.Single(messages);
    }

    [Fact]
    public void AnEditedGeneratedFileIsRewritten()
    {
        Build(("a.html", "A"));
        File.WriteAllText(Path.Combine(Site, "a.html"), "tampered");
        Assert.Equal(1, Build(("a.html", "A")).Written);
        Assert.Equal("A", Read("a.html"));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("/abs.html")]
    [InlineData("a/../../b.html")]
    [InlineData("a\\b.html")]
    [InlineData("")]
    public void PathsOutsideTheFolderAreRejected(string path)
    {
        using var folder = OutputFolder.Open(Site, TimeSpan.Zero);
        using var tx = folder.Begin();
        Assert.Throws<ArgumentException>(() => tx.WriteText(path, "x"));
    }

    [Fact]
    public void ManifestIsSortedAndDeterministic()
    {
        Build(("z.html", "Z"), ("a.html", "A"), ("m/n.html", "N"));
        var lines = File.ReadAllLines(Path.Combine(Site, OutputManifest.FileName)).Skip(1).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(["a.html", "m/n.html", "z.html"], lines);
    }
}
