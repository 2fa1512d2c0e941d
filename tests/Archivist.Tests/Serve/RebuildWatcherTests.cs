using Archivist.Serve;

namespace Archivist.Tests.Serve;

/// <summary>The watcher's callback runs on a timer thread: what it throws must not end the process, nor the watching.</summary>
public class RebuildWatcherTests
{
    [Fact]
    public async Task ARebuildThatThrowsIsReportedAndTheNextChangeRebuildsAgain()
    {
        var folder = Directory.CreateTempSubdirectory("archivist-watch").FullName;
        try
        {
            var calls = 0;
            var failures = new List<Exception>();
            using var watcher = new RebuildWatcher([folder], Path.Combine(folder, "archivist.yml"), TimeSpan.FromMilliseconds(50), () =>
            {
                if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("the first rebuild fails");
            }, e => { lock (failures) failures.Add(e); });

            File.WriteAllText(Path.Combine(folder, "a.txt"), "x");
            await WaitFor(() => Volatile.Read(ref calls) >= 1);
            await WaitFor(() => { lock (failures) return failures.Count == 1; });
            Assert.Equal("the first rebuild fails", failures[0].Message);

            File.WriteAllText(Path.Combine(folder, "b.txt"), "y");
            await WaitFor(() => Volatile.Read(ref calls) >= 2);
            Assert.Single(failures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ScheduleRebuildsWithNoChange()
    {
        var folder = Directory.CreateTempSubdirectory("archivist-watch").FullName;
        try
        {
            var calls = 0;
            using var watcher = new RebuildWatcher([folder], Path.Combine(folder, "archivist.yml"), TimeSpan.FromMilliseconds(50),
                () => Interlocked.Increment(ref calls), _ => { });
            watcher.Schedule();
            await WaitFor(() => Volatile.Read(ref calls) == 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Waits (up to 20 s) for what a timer thread does; the time is a limit, never what is tested.</summary>
    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
