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
    private string JournalPath => Path.Combine(Site, OutputFolder.JournalFileName);

    /// <summary>
    /// Leaves what a build killed just after its commit point leaves: the new manifest staged and a journal naming it,
    /// in this archivist's format ("v3") or as an older archivist wrote it, the manifest inside the journal ("v2").
    /// </summary>
    private void WriteCommitPoint(string format, IReadOnlyList<string> moves, IReadOnlyList<string> deletes, OutputManifest manifest)
    {
        if (format == "v2")
        {
            File.WriteAllText(JournalPath, CommitJournal.SerializeV2(moves, deletes, manifest.Serialize()));
            return;
        }
        var staging = Directory.CreateDirectory(Path.Combine(Site, OutputFolder.StagingFolderName)).FullName;
        var hash = manifest.WriteFile(Path.Combine(staging, CommitJournal.StagedManifestName));
        File.WriteAllText(JournalPath, new CommitJournal(moves, deletes, hash).Serialize());
    }
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

    /// <summary>An older archivist's journal (v2) is finished too: a build killed in its commit window is not lost on upgrading.</summary>
    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    public void ACommitInterruptedAfterItsJournalIsFinishedOnNextOpen(string format)
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        // Simulate a build killed just after its commit point: staged file and journal on disk, nothing moved.
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "A2");
        var manifest = new OutputManifest([new ManifestEntry("a.html", 2, "h")]);
        WriteCommitPoint(format, ["a.html"], ["gone.html"], manifest);

        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        {
            Assert.Contains("completed", folder.RecoveryNote);
            Assert.True(folder.Manifest.Contains("a.html"));
            Assert.False(folder.Manifest.Contains("gone.html"));
        }
        Assert.Equal("A2", Read("a.html"));
        Assert.False(File.Exists(Path.Combine(Site, "gone.html")));
        Assert.False(File.Exists(JournalPath));
        Assert.Equal(manifest.Serialize(), Read(OutputManifest.FileName));
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
    }

    [Fact]
    public void ACommitInterruptedAfterItsManifestMovedInIsFinishedOnNextOpen()
    {
        Build(("a.html", "A"));
        // Killed after the last step but one: every file and the manifest in place, the journal not yet deleted.
        var manifest = new OutputManifest([new ManifestEntry("a.html", 2, "h")]);
        WriteCommitPoint("v3", ["a.html"], [], manifest);
        File.WriteAllText(Path.Combine(Site, "a.html"), "A2");
        File.Move(Path.Combine(Site, OutputFolder.StagingFolderName, CommitJournal.StagedManifestName), Path.Combine(Site, OutputManifest.FileName), overwrite: true);

        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero)) Assert.Contains("completed", folder.RecoveryNote);
        Assert.Equal("A2", Read("a.html"));
        Assert.Equal(manifest.Serialize(), Read(OutputManifest.FileName));
        Assert.False(File.Exists(JournalPath));
    }

    /// <summary>The journal names its manifest by hash: a staged manifest that is not that one (or none at all, with the
    /// folder's manifest not that one either) cannot finish the commit, and nothing is touched.</summary>
    [Theory]
    [InlineData("other")]
    [InlineData("missing")]
    public void AJournalWhoseManifestIsNotTheOneItNamesIsDamagedAndChangesNothing(string staged)
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        var file = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "A2");
        WriteCommitPoint("v3", ["a.html"], ["gone.html"], new OutputManifest([new ManifestEntry("a.html", 2, "h")]));
        var stagedManifest = Path.Combine(Site, OutputFolder.StagingFolderName, CommitJournal.StagedManifestName);
        if (staged == "other") new OutputManifest([new ManifestEntry("a.html", 2, "g")]).WriteFile(stagedManifest);
        else File.Delete(stagedManifest);

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(JournalPath, error.Message);
        Assert.Contains("manifest", error.Message);
        Assert.Equal("A", Read("a.html"));
        Assert.Equal("G", Read("gone.html"));
        Assert.True(File.Exists(file));
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
        WriteCommitPoint("v3", ["x/1.html", "y/z/2.html"], [], new OutputManifest(entries));

        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero)) Assert.Contains("completed", folder.RecoveryNote);
        Assert.Equal("X1", Read("x/1.html"));
        Assert.Equal("Y2", Read("y/z/2.html"));
        Assert.False(Directory.Exists(staging));
    }

    /// <summary>
    /// What the caller does once the commit point is passed (saving its page memo) runs beside the moves; if it fails,
    /// the commit still stands whole (nothing left staged for the next build to take as an interrupted one) and the
    /// failure is reported. It is called with the new manifest and the files' stamps.
    /// </summary>
    [Fact]
    public void ACommitWhoseCallbackFailsStillCommitsWholeAndReportsTheFailure()
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        OutputManifest? seen = null;
        using (var folder = OutputFolder.Open(Site, TimeSpan.Zero))
        using (var tx = folder.Begin())
        {
            tx.WriteText("a.html", "A2");
            tx.WriteText("b/c.html", "C");
            var error = Assert.Throws<IOException>(() => tx.Commit((manifest, stamps) =>
            {
                seen = manifest;
                Assert.Equal(2, stamps.Count);
                throw new IOException("the cache's disk is full");
            }));
            Assert.Contains("cache", error.Message);
        }
        Assert.Equal(["a.html", "b/c.html"], seen!.Entries.Select(e => e.Path));
        Assert.Equal("A2", Read("a.html"));
        Assert.Equal("C", Read("b/c.html"));
        Assert.False(File.Exists(Path.Combine(Site, "gone.html")));
        Assert.False(File.Exists(JournalPath));
        Assert.False(Directory.Exists(Path.Combine(Site, OutputFolder.StagingFolderName)));
        using var again = OutputFolder.Open(Site, TimeSpan.Zero);
        Assert.Null(again.RecoveryNote);
        Assert.Equal(seen.Serialize(), again.Manifest.Serialize());
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
    [InlineData("v3", 10)] // cut inside the move lines
    [InlineData("v3", -5)] // cut inside the manifest's hash
    [InlineData("v2", 10)]
    [InlineData("v2", -5)] // cut inside the manifest
    public void ADamagedJournalIsAClearErrorNamingItAndChangesNothing(string format, int cut)
    {
        Build(("a.html", "A"), ("gone.html", "G"));
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "a.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "A2");
        WriteCommitPoint(format, ["a.html"], ["gone.html"], new OutputManifest([new ManifestEntry("a.html", 2, "h")]));
        var journal = JournalPath;
        var text = File.ReadAllText(journal);
        File.WriteAllText(journal, cut > 0 ? text[..(text.IndexOf("move", StringComparison.Ordinal) + cut)] : text[..^-cut]);
        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(journal, error.Message);
        Assert.Equal("A", Read("a.html"));
        Assert.Equal("G", Read("gone.html"));
    }

    /// <summary>A journal is written by a build, but a hand-edited one must still touch only files archivist generated.</summary>
    [Theory]
    [InlineData("delete", "v3")]
    [InlineData("move", "v3")]
    [InlineData("delete", "v2")]
    [InlineData("move", "v2")]
    public void AJournalNamingAFileTheManifestDoesNotListIsRefusedAndTouchesNothing(string kind, string format)
    {
        Build(("a.html", "A"));
        File.WriteAllText(Path.Combine(Site, "mine.html"), "my own page");
        var staged = Path.Combine(Site, OutputFolder.StagingFolderName, "mine.html");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "over yours");
        var manifest = new OutputManifest([new ManifestEntry("a.html", 1, "h"), new ManifestEntry("mine.html", 10, "h")]);
        var journalPath = JournalPath;
        if (kind == "delete") WriteCommitPoint(format, [], ["mine.html"], manifest);
        else WriteCommitPoint(format, ["mine.html"], [], manifest);

        var error = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains(journalPath, error.Message);
        Assert.Contains("'mine.html'", error.Message);
        Assert.Equal("my own page", Read("mine.html"));
        Assert.Equal("A", Read("a.html"));
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    public void AJournalMovingAFileItsOwnManifestDoesNotListIsDamaged(string format)
    {
        Build(("a.html", "A"));
        WriteCommitPoint(format, ["b.html"], [], new OutputManifest([new ManifestEntry("a.html", 1, "h")]));
        var e = Assert.Throws<OutputFolderException>(() => OutputFolder.Open(Site, TimeSpan.Zero));
        Assert.Contains("'b.html'", e.Message);
        Assert.Contains("damaged", e.Message);
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
