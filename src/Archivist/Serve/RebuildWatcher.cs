namespace Archivist.Serve;

/// <summary>
/// Watches seeds, templates and the settings file, and calls back once things have been quiet for a
/// moment (an editor's save is several events; a copied folder is hundreds). The callback runs on a timer
/// thread, where nothing would catch for it: whatever it throws goes to <c>failed</c>, and the process and
/// the watching go on. One callback runs at a time.
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;
    private readonly Lock _running = new();

    public RebuildWatcher(IEnumerable<string> folders, string settingsFile, TimeSpan quiet, Action changed, Action<Exception> failed)
    {
        _quiet = quiet;
        _timer = new Timer(_ => Run(changed, failed), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
            _watchers.Add(Watch(folder, "*", recursive: true));
        var settingsFolder = Path.GetDirectoryName(Path.GetFullPath(settingsFile))!;
        if (Directory.Exists(settingsFolder)) _watchers.Add(Watch(settingsFolder, Path.GetFileName(settingsFile), recursive: false));
    }

    private FileSystemWatcher Watch(string folder, string filter, bool recursive)
    {
        var watcher = new FileSystemWatcher(folder, filter)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Poke();
        watcher.Created += (_, _) => Poke();
        watcher.Deleted += (_, _) => Poke();
        watcher.Renamed += (_, _) => Poke();
        // Too many changes at once overflow the watcher's buffer and their events are lost: rebuild anyway.
        watcher.Error += (_, _) => Poke();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Run(Action changed, Action<Exception> failed)
    {
        lock (_running)
        {
            try
            {
                changed();
            }
            catch (Exception e)
            {
                try
                {
                    failed(e);
                }
                catch (Exception)
                {
                    // Reporting failed too (a closed terminal, say): nothing is left to tell, and serving goes on.
                }
            }
        }
    }

    /// <summary>Restarts the quiet period.</summary>
    private void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    /// <summary>Calls back after the quiet period, as a change would: a retry.</summary>
    public void Schedule() => Poke();

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
