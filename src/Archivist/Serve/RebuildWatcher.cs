namespace Archivist.Serve;

/// <summary>
/// Watches seeds, templates and the settings file, and calls back once things have been quiet for a
/// moment (an editor's save is several events; a copied folder is hundreds).
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;

    public RebuildWatcher(IEnumerable<string> folders, string settingsFile, TimeSpan quiet, Action changed)
    {
        _quiet = quiet;
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
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
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Restarts the quiet period.</summary>
    private void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
