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
        var manifest = new OutputManifest([new ManifestEntry("a.html", 2, "h")]).Serialize();
        File.WriteAllText(Path.Combine(Site, OutputFolder.JournalFileName), new CommitJournal(["a.html"], ["gone.html"], manifest).Serialize());

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
        IReadOnlyDictionary<string, long> stamps;
        using (var writing = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = writing.Begin())
        {
            foreach (var (path, text) in new[] { ("a.html", "A"), ("b/old.html", "O"), ("b/new.html", "N"), ("c/d/e.html", "E"), ("c/d/f.html", "F"), ("c/g.html", "G") })
                tx.WriteText(path, text);
            tx.Commit();
            stamps = tx.Stamps;
        }
        Assert.Equal(["E", "F", "G", "N", "O"], new[] { "c/d/e.html", "c/d/f.html", "c/g.html", "b/new.html", "b/old.html" }.Select(Read).Order());
        using var folder = OutputFolder.Open(Site, TimeSpan.Zero);
        Assert.Equal(6, folder.Manifest.Count);
        Assert.All(folder.Manifest.Entries, e => Assert.Equal(stamps[e.Path], File.GetLastWriteTimeUtc(Path.Combine(Site, e.Path)).Ticks));
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
        var entries = new[] { "x/1.html", "y/z/2.html" }.Select(p => new ManifestEntry(p, 2, "h")).Append(new ManifestEntry("a.html", 1, "h"));
        var manifest = new OutputManifest(entries).Serialize();
        File.WriteAllText(Path.Combine(Site, OutputFolder.JournalFileName), new CommitJournal(["x/1.html", "y/z/2.html"], [], manifest).Serialize());

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

    [Fact]
    public void ANewFileOverOneTheManifestDoesNotListFailsTheCommitAndChangesNothing()
    {
        Build(("a.html", "A"));
        Directory.CreateDirectory(Path.Combine(Site, "2025", "10"));
        File.WriteAllText(Path.Combine(Site, "2025", "10", "x.html"), "the publisher's own page");
        var error = Assert.Throws<OutputFolderException>(() => Build(("a.html", "A2"), ("2025/10/x.html", "a new post")));
        Assert.Contains("2025/10/x.html", error.Message);
        Assert.Contains("nothing was changed", error.Message);
        Assert.Equal("the publisher's own page", Read("2025/10/x.html"));
        Assert.Equal("A", Read("a.html")); // the commit did not start
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
        using var folder = OutputFolder.Open(Site, TimeSpan.Zero);
        Assert.False(folder.Manifest.Contains("2025/10/x.html")); // so it is never deleted either
    }

    [Fact]
    public void AFileWhereTheSiteNeedsAFolderFailsTheCommit()
    {
        Build(("a.html", "A"));
        File.WriteAllText(Path.Combine(Site, "2025"), "mine");
        var error = Assert.Throws<OutputFolderException>(() => Build(("a.html", "A"), ("2025/10/x.html", "X")));
        Assert.Contains("'2025'", error.Message);
        Assert.Equal("mine", Read("2025"));
    }

    [Fact]
    public void NothingIsWrittenThroughALinkOutOfTheFolder()
    {
        if (OperatingSystem.IsWindows()) return; // directory links need privileges there
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        Build(("a.html", "A"));
        Directory.CreateSymbolicLink(Path.Combine(Site, "ext"), outside);
        var error = Assert.Throws<OutputFolderException>(() => Build(("a.html", "A"), ("ext/v.html", "V")));
        Assert.Contains("link", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Theory]
    [InlineData("../victim/v.txt")]
    [InlineData("/etc/passwd")]
    [InlineData(".archivist-journal")]
    public void ATamperedManifestIsAClearErrorAndNoPathOutsideIsTouched(string line)
    {
        var victim = Directory.CreateDirectory(Path.Combine(_root, "victim")).FullName;
        File.WriteAllText(Path.Combine(victim, "v.txt"), "keep me");
        Build(("a.html", "A"));
        File.AppendAllText(Path.Combine(Site, OutputManifest.FileName), $"{line}\t7\t0123456789abcdef0123456789abcdef\n");
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(OutputManifest.FileName, error.Message);
        Assert.Contains(line, error.Message);
        Assert.Throws<OutputFolderException>(() => OutputCleaner.Clean(Site, TimeSpan.Zero));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(victim, "v.txt")));
        Assert.Equal("A", Read("a.html"));
    }

    [Theory]
    [InlineData(10)] // cut inside the move lines
    [InlineData(-5)] // cut inside the manifest
    public void ADamagedJournalIsAClearErrorNamingItAndChangesNothing(int cut)
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "A2");
        var text = new CommitJournal(["a.html"], ["gone.html"], new OutputManifest([new ManifestEntry("a.html", 2, "h")]).Serialize()).Serialize();
        var journal = Path.Combine(Site, OutputFolder.JournalFileName);
        File.WriteAllText(journal, cut > 0 ? text[..(text.IndexOf("move", StringComparison.Ordinal) + cut)] : text[..^-cut]);
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(journal, error.Message);
        Assert.Equal("A", Read("a.html"));
        Assert.Equal("G", Read("gone.html"));
    }

    /// <summary>A journal is written by a build, but a hand-edited one must still touch only files archivist generated.</summary>
    [Theory]
    [InlineData("delete")]
    [InlineData("move")]
    public void AJournalNamingAFileTheManifestDoesNotListIsRefusedAndTouchesNothing(string kind)
    {
        Build(("a.html", "A"));
        File.WriteAllText(Path.Combine(Site, "mine.html"), "my own page");
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "mine.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "over yours");
        var manifest = new OutputManifest([new ManifestEntry("a.html", 1, "h"), new ManifestEntry("mine.html", 10, "h")]).Serialize();
        var journalPath = Path.Combine(Site, OutputFolder.JournalFileName);
        File.WriteAllText(journalPath, (kind == "delete" ? new CommitJournal([], ["mine.html"], manifest) : new CommitJournal(["mine.html"], [], manifest)).Serialize());

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(journalPath, error.Message);
        Assert.Contains("'mine.html'", error.Message);
        Assert.Equal("my own page", Read("mine.html"));
        Assert.Equal("A", Read("a.html"));
    }

    [Fact]
    public void AJournalMovingAFileItsOwnManifestDoesNotListIsDamaged()
    {
        var text = new CommitJournal(["b.html"], [], new OutputManifest([new ManifestEntry("a.html", 1, "h")]).Serialize()).Serialize();
        var e = Assert.Throws<FormatException>(() => CommitJournal.Parse(text));
        Assert.Contains("'b.html'", e.Message);
    }

    [Fact]
    public void AWriteThatFillsTheDiskLeavesNoTemporaryFileAndTheOldFileWhole()
    {
        using var disk = Support.SmallDisk.Mount(kilobytes: 64);
        var path = Path.Combine(disk.Root, OutputFolder.JournalFileName);
        AtomicFile.WriteAllText(path, "old journal");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, new string('x', 256 * 1024)));
        Assert.Equal([path], Directory.GetFiles(disk.Root));
        Assert.Equal("old journal", File.ReadAllText(path));
    }

    [Fact]
    public void NoLockFileIsLeftBehindAndTheFolderCanBeOpenedAgain()
    {
        Build(("a.html", "A"));
        Assert.False(File.Exists(Path.Combine(Site, OutputFolder.LockFileName)));
        using (OutputFolder.Open(Site, TimeSpan.Zero)) Assert.True(File.Exists(Path.Combine(Site, OutputFolder.LockFileName)));
        Build(("a.html", "A"));
        Assert.False(File.Exists(Path.Combine(Site, OutputFolder.LockFileName)));
    }

    [Fact]
    public void TheManifestHoldsNoTimesSoIdenticalBuildsGiveIdenticalManifests()
    {
        Build(("a.html", "A"), ("b/c.html", "C"));
        var first = File.ReadAllBytes(Path.Combine(Site, OutputManifest.FileName));
        Directory.Delete(Site, recursive: true);
        Thread.Sleep(20);
        Build(("a.html", "A"), ("b/c.html", "C"));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(Site, OutputManifest.FileName)));
        Assert.All(File.ReadAllLines(Path.Combine(Site, OutputManifest.FileName)).Skip(1), line => Assert.Equal(3, line.Split('\t').Length));
    }

    [Fact]
    public void FilesAreKnownIntactByTheirStampsOrFailingThatByTheirBytes()
    {
        IReadOnlyDictionary<string, long> stamps;
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin())
        {
            foreach (var name in new[] { "a", "b", "c", "d" }) tx.WriteText(name + ".html", name.ToUpperInvariant());
            tx.Commit();
            stamps = tx.Stamps;
        }
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(Site, "b.html"), past); // touched, same bytes
        File.WriteAllText(Path.Combine(Site, "c.html"), "X"); // edited, same size
        File.SetLastWriteTimeUtc(Path.Combine(Site, "c.html"), new DateTime(stamps["c.html"], DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(Site, "d.html"), past);
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin(stamps: stamps))
        {
            Assert.True(tx.TryKeep("a.html"));
            Assert.True(tx.TryKeep("b.html")); // its stamp is off, but its hash is the manifest's
            Assert.True(tx.TryKeep("c.html")); // size and time as left: trusted unread, as make and rsync trust them
            Assert.False(tx.WriteText("d.html", "D")); // bytes the same: not rewritten
            Assert.Equal(0, tx.Commit().Written);
        }
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin()) // no stamps at all: every file is checked by its bytes
        {
            Assert.True(tx.TryKeep("a.html"));
            Assert.False(tx.TryKeep("c.html"));
        }
    }

    [Fact]
    public void FilesCheckedAheadAreKeptOnlyWhenTheyWereAsLeftAndTheEditedAreStillFoundByTheirBytes()
    {
        IReadOnlyDictionary<string, long> stamps;
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin())
        {
            foreach (var name in new[] { "a", "b", "c", "d", "e" }) tx.WriteText(name + ".html", name.ToUpperInvariant());
            tx.Commit();
            stamps = tx.Stamps;
        }
        File.Delete(Path.Combine(Site, "b.html"));
        File.WriteAllText(Path.Combine(Site, "c.html"), "XY"); // edited: another size
        File.SetLastWriteTimeUtc(Path.Combine(Site, "d.html"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // touched, same bytes
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin(stamps: stamps))
        {
            Assert.False(tx.WriteText("e.html", "E")); // already this build's: not checked ahead, and it stays this build's
            tx.CheckAhead();
            Assert.True(tx.TryKeep("a.html"));
            Assert.False(tx.TryKeep("b.html"));
            Assert.False(tx.TryKeep("c.html"));
            Assert.True(tx.TryKeep("d.html")); // its time is off, but its bytes are the manifest's
            Assert.True(tx.WriteText("b.html", "B"));
            Assert.True(tx.WriteText("c.html", "C"));
            Assert.Equal(new CommitSummary(2, 3, 0), tx.Commit());
        }
        Assert.Equal(["A", "B", "C", "D", "E"], new[] { "a", "b", "c", "d", "e" }.Select(n => Read(n + ".html")));
    }
}
