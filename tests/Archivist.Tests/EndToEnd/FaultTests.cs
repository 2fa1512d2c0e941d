using System.Diagnostics;
using Archivist.Corpus;
using Archivist.Output;
using Archivist.Tests.Support;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// The command-line tool as a separate process, treated roughly: killed in the middle of a build, and run twice
/// at once on the same folder. The site a reader sees is never half-written, and the next build finishes the job
/// with exactly the files a clean build makes.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private static readonly string Tool = typeof(Archivist.Build.SiteBuilder).Assembly.Location;
    private readonly TestSite _site = new();
    private readonly IReadOnlyList<GeneratedFile> _corpus;

    public FaultTests()
    {
        // Enough text (~12 MB) that a build takes seconds, so it can be caught in the middle.
        _corpus = new CorpusGenerator(Vocabulary.FromFolder(RepoPaths.Seeds), new CorpusOptions { Posts = 400, Seed = 7 }).Files().ToList();
        File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), "title: Faults\nsite_url: https://example.org/\nposts_per_page: 5\n");
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void AKilledBuildLeavesThePreviousSiteIntactAndTheNextBuildCompletesIt()
    {
        AddSeeds(_corpus.Take(4));
        Assert.Equal(0, Run("out").ExitCode);
        var previous = _site.Files();
        Assert.Contains("index.html", previous.Keys);

        AddSeeds(_corpus.Skip(4));
        using (var build = Start("out"))
        {
            // Midway: the new site is being staged (pages are written there first), nothing is committed yet.
            var staging = Path.Combine(_site.Output, OutputFolder.StagingFolderName);
            WaitUntil(() => Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Take(200).Count() == 200,
                build, "the build to stage 200 files");
            build.Kill(entireProcessTree: true);
            build.WaitForExit();
        }

        var afterKill = _site.Files();
        Assert.Equal(previous.Keys, afterKill.Keys);
        foreach (var (path, bytes) in previous)
            Assert.True(bytes.AsSpan().SequenceEqual(afterKill[path]), $"{path} was changed by the killed build");

        var next = Run("out");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.False(Directory.Exists(Path.Combine(_site.Output, OutputFolder.StagingFolderName)), "the killed build's staging is cleared");
        AssertSameAsACleanBuild();
    }

    [Fact]
    public void TwoBuildsAtOnceDoNotCorruptTheOutput()
    {
        AddSeeds(_corpus);
        using var first = Start("out");
        WaitUntil(() => Directory.Exists(Path.Combine(_site.Output, OutputFolder.StagingFolderName)), first, "the first build to start writing");
        using var second = Start("out");
        var firstResult = Finish(first);
        var secondResult = Finish(second);

        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
        // The second waits for the first to finish (then finds nothing to do), rather than writing alongside it.
        Assert.True(secondResult.ExitCode == 0, secondResult.ToString());
        Assert.Contains("another archivist build is writing", secondResult.StdOut + secondResult.StdErr);
        AssertSameAsACleanBuild();
    }

    /// <summary>
    /// Killed inside the commit window (after the journal, the commit point, is on disk and while files move into
    /// place), at several moments: every file a reader can see is whole, the old version or the new, and the next
    /// build finishes exactly that commit.
    /// </summary>
    [Fact]
    public void ABuildKilledInsideItsCommitWindowLeavesEveryFileWholeAndTheNextBuildFinishesIt()
    {
        AddSeeds(_corpus.Take(30));
        Assert.Equal(0, Run("out").ExitCode);
        var random = new Random(17); // fixed, so a failure can be replayed
        var killedInside = 0;
        var journal = Path.Combine(_site.Output, OutputFolder.JournalFileName);
        for (var round = 0; round < 3; round++)
        {
            var before = _site.Files();
            // A new title changes every page: hundreds of files to move, a commit window worth aiming at.
            File.WriteAllText(Path.Combine(_site.Root, "archivist.yml"), $"title: Faults {round}\nsite_url: https://example.org/\nposts_per_page: 5\n");
            var delay = round == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(random.Next(0, 20));
            bool inside;
            using (var build = Start("out"))
            {
                WaitUntil(() => File.Exists(journal), build, "the build to reach its commit point", poll: TimeSpan.Zero);
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < delay) Thread.SpinWait(100);
                build.Kill(entireProcessTree: true);
                build.WaitForExit();
                inside = File.Exists(journal);
            }
            var killed = _site.Files();

            var next = Run("out");
            Assert.True(next.ExitCode == 0, next.ToString());
            if (inside)
            {
                killedInside++;
                Assert.Contains("completed an interrupted build's commit", next.StdErr);
            }
            var after = _site.Files(); // what this round's build makes (checked against a clean build below)
            foreach (var (path, bytes) in killed)
            {
                var old = before.GetValueOrDefault(path);
                var @new = after.GetValueOrDefault(path);
                Assert.True(old is not null && bytes.AsSpan().SequenceEqual(old) || @new is not null && bytes.AsSpan().SequenceEqual(@new),
                    $"round {round} (killed {delay.TotalMilliseconds} ms into the commit): {path} is neither the old file nor the new one");
            }
            foreach (var path in before.Keys.Intersect(after.Keys))
                Assert.True(killed.ContainsKey(path), $"round {round}: {path}, in both builds, was missing after the kill");
        }
        Assert.True(killedInside > 0, "no kill landed inside the commit window");
        AssertSameAsACleanBuild();
    }

    /// <summary>
    /// The output's disk fills up while a build stages its files: the build stops (exit 2) saying so, the previous site
    /// is whole and nothing of the failed build is left in the folder; with room again, the next build succeeds.
    /// </summary>
    [Fact]
    public void ABuildThatFillsTheDiskFailsCleanlyAndTheSiteStaysAsItWas()
    {
        using var disk = SmallDisk.Mount(kilobytes: 1024);
        var output = Path.Combine(disk.Root, "out");
        AddSeeds(_corpus.Take(2));
        var first = Run(output);
        Assert.True(first.ExitCode == 0, first.ToString());
        var previous = _site.Files(output);

        AddSeeds(_corpus.Skip(2).Take(30)); // far more than the disk holds
        var full = Run(output);
        Assert.True(full.ExitCode == 2, full.ToString());
        Assert.Contains("No space left on device", full.StdErr);
        Assert.Contains("Nothing was changed", full.StdErr);
        Assert.DoesNotContain("unexpected failure", full.StdErr);

        var after = _site.Files(output);
        Assert.Equal(previous.Keys, after.Keys);
        foreach (var (path, bytes) in previous) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} was changed by the failed build");
        var leftovers = Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName)
            .Where(n => n!.StartsWith(".archivist-", StringComparison.Ordinal) && n != OutputManifest.FileName).ToList();
        Assert.True(leftovers.Count == 0, "left in the folder: " + string.Join(", ", leftovers));

        foreach (var file in _corpus.Skip(2).Take(30)) _site.RemoveSeed(file.Name);
        var again = Run(output);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    private void AddSeeds(IEnumerable<GeneratedFile> files)
    {
        foreach (var file in files) _site.AddSeed(file.Name, file.Text);
    }

    /// <summary>The output folder holds exactly what a build from scratch into an empty folder makes.</summary>
    private void AssertSameAsACleanBuild()
    {
        var clean = Run("clean-out", "--no-cache");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        var expected = _site.Files(Path.Combine(_site.Root, "clean-out"));
        var actual = _site.Files();
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a clean build's");
    }

    private Process Start(string output, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _site.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in (string[])[Tool, "build", "--seeds", "seeds", "--out", output, "--templates", "templates", "--cache", "cache", .. extra])
            psi.ArgumentList.Add(arg);
        var process = Process.Start(psi)!;
        // Drain the pipes as the tool writes, so it never blocks on a full pipe.
        _output[process] = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        return process;
    }

    private readonly Dictionary<Process, (Task<string> Out, Task<string> Err)> _output = [];

    private ExternalTool.Result Finish(Process process)
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("archivist build did not finish in 5 minutes");
        }
        var (stdout, stderr) = _output[process];
        return new ExternalTool.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private ExternalTool.Result Run(string output, params string[] extra)
    {
        using var process = Start(output, extra);
        return Finish(process);
    }

    /// <param name="poll">How long to wait between looks; zero looks again at once (to catch a short moment).</param>
    private void WaitUntil(Func<bool> condition, Process build, string what, TimeSpan? poll = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (build.HasExited) Assert.Fail($"The build ended before {what}: {Finish(build)}");
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail($"Gave up waiting for {what}.");
            if (poll == TimeSpan.Zero) Thread.Yield();
            else Thread.Sleep(poll ?? TimeSpan.FromMilliseconds(5));
        }
    }
}
