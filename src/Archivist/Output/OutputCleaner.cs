namespace Archivist.Output;

/// <summary>
/// Deletes what the tool generated in an output folder — the files its manifest lists, then its own
/// bookkeeping — and nothing else: a file someone added stays, and so does the folder holding it. A listed
/// file whose content changed since the build (someone edited it) is theirs now and stays too, as does
/// anything reached through a link. A folder without a manifest is refused (by <see cref="OutputFolder.Open"/>) unless it is empty.
/// </summary>
public static class OutputCleaner
{
    /// <param name="Changed">Listed files kept because their content is not what the build wrote.</param>
    public sealed record Result(int Deleted, int Kept, bool FolderRemoved, IReadOnlyList<string> Changed);

    public static Result Clean(string directory, TimeSpan wait, Action<string>? onWaiting = null)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root)) return new Result(0, 0, false, []);
        var deleted = 0;
        var changed = new List<string>();
        using (var folder = OutputFolder.Open(root, wait, onWaiting))
        {
            var check = new PathCheck(root);
            foreach (var entry in folder.Manifest.Entries)
            {
                if (check.ProblemReaching(entry.Path) is not null) continue;
                var full = OutputPath.ToFull(root, entry.Path);
                var info = new FileInfo(full);
                if (!info.Exists) continue;
                if (info.LinkTarget is not null || !IsAsBuilt(info, entry))
                {
                    changed.Add(entry.Path);
                    continue;
                }
                File.Delete(full);
                deleted++;
                RemoveEmptyParents(root, Path.GetDirectoryName(full)!);
            }
            File.Delete(Path.Combine(root, OutputManifest.FileName));
        }
        var kept = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
        var removed = kept == 0 && !Directory.EnumerateFileSystemEntries(root).Any();
        if (removed) Directory.Delete(root);
        return new Result(deleted, kept, removed, changed);
    }

    /// <summary>The file holds what the build wrote: its size, then its hash (clean is rare; reading every file is fine).</summary>
    private static bool IsAsBuilt(FileInfo info, ManifestEntry entry) =>
        info.Length == entry.Size && OutputFolder.HashOf(File.ReadAllBytes(info.FullName)) == entry.Hash;

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
