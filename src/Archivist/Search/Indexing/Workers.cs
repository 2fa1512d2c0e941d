namespace Archivist.Search.Indexing;

/// <summary>Runs a worker loop on several threads at once, the calling thread one of them.</summary>
internal static class Workers
{
    /// <summary>
    /// Runs <paramref name="work"/> <paramref name="count"/> times at once: on the calling thread and on
    /// <paramref name="count"/> − 1 thread-pool threads; returns when every run has. In a build the pool is busy
    /// rendering pages: a worker queued there waits for it, so the calling thread (the search stage's own) must not only
    /// wait. <paramref name="work"/> takes its items from a shared counter, so whichever runs first does the work.
    /// </summary>
    public static void Run(int count, Action work)
    {
        var helpers = new Task[Math.Max(0, count - 1)];
        for (var i = 0; i < helpers.Length; i++) helpers[i] = Task.Run(work);
        try
        {
            work();
        }
        finally
        {
            Task.WaitAll(helpers);
        }
    }
}
