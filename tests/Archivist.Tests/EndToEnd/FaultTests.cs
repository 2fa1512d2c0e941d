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

    private void WaitUntil(Func<bool> condition, Process build, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (build.HasExited) Assert.Fail($"The build ended before {what}: {Finish(build)}");
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail($"Gave up waiting for {what}.");
            Thread.Sleep(5);
        }
    }
}
