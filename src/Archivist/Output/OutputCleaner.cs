namespace Archivist.Output;

/// <summary>
/// Deletes what the tool generated in an output folder — the files its manifest lists, then its own
/// bookkeeping — and nothing else: a file someone added stays, and so does the folder holding it.
/// A folder without a manifest is refused (by <see cref="OutputFolder.Open"/>) unless it is empty.
/// </summary>
public static class OutputCleaner
{
    public sealed record Result(int Deleted, int Kept, bool FolderRemoved);

    public static Result Clean(string directory, TimeSpan wait, Action<string>? onWaiting = null)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) return new Result(0, 0, false);
        var deleted = 0;
        using (var folder = OutputFolder.Open(root, wait, onWaiting))
        {
            foreach (var entry in folder.Manifest.Entries)
            {
                var full = OutputPath.ToFull(root, entry.Path);
                if (!File.Exists(full)) continue;
                File.Delete(full);
                deleted++;
                RemoveEmptyParents(root, Path.GetDirectoryName(full)!);
            }
            File.Delete(Path.Combine(root, OutputManifest.FileName));
        }
        File.Delete(Path.Combine(root, OutputFolder.LockFileName));
        var kept = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
        var removed = kept == 0 && !Directory.EnumerateFileSystemEntries(root).Any();
        if (removed) Directory.Delete(root);
        return new Result(deleted, kept, removed);
    }

    private static void RemoveEmptyParents(string root, string directory)
    {
        var stop = Path.TrimEndingDirectorySeparator(root);
        while (directory.Length > stop.Length && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
