using System.Text;

namespace Archivist.Output;

/// <summary>
/// The commit record of a build: which staged files move into place, which old files go, and the new
/// manifest. Once it is on disk the build is committed; applying it again is harmless, so a commit
/// interrupted halfway is finished by the next run.
/// </summary>
internal sealed record CommitJournal(IReadOnlyList<string> Moves, IReadOnlyList<string> Deletes, string Manifest)
{
    public string Serialize()
    {
        var sb = new StringBuilder();
        foreach (var m in Moves) sb.Append("move\t").Append(m).Append('\n');
        foreach (var d in Deletes) sb.Append("delete\t").Append(d).Append('\n');
        sb.Append("manifest\n").Append(Manifest);
        return sb.ToString();
    }

    public static CommitJournal Parse(string text)
    {
        var moves = new List<string>();
        var deletes = new List<string>();
        var cut = text.IndexOf("manifest\n", StringComparison.Ordinal);
        if (cut < 0) throw new OutputFolderException("the commit journal of an interrupted build is damaged; delete the output folder and build again.");
        foreach (var line in text[..cut].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            var path = OutputPath.Require(parts[1]);
            (parts[0] == "move" ? moves : deletes).Add(path);
        }
        return new CommitJournal(moves, deletes, text[(cut + "manifest\n".Length)..]);
    }

    /// <summary>Moves staged files over their targets, deletes dropped files, then writes the manifest.</summary>
    public void Apply(string root)
    {
        var staging = Path.Combine(root, OutputFolder.StagingFolderName);
        var top = Path.TrimEndingDirectorySeparator(root);
        foreach (var path in Moves)
        {
            var from = OutputPath.ToFull(staging, path);
            if (!File.Exists(from)) continue; // moved before an interruption, or with its folder
            var to = OutputPath.ToFull(root, path);
            if (HighestMissingFolder(top, Path.GetDirectoryName(to)!) is { } missing)
            {
                // Nothing of the site is in that folder yet, and everything staged beneath it is a move:
                // one rename moves it all (a first build moves thousands of files in a few renames).
                Directory.Move(Path.Combine(staging, Path.GetRelativePath(top, missing)), missing);
                continue;
            }
            File.Move(from, to, overwrite: true);
        }
        foreach (var path in Deletes)
        {
            var full = OutputPath.ToFull(root, path);
            if (File.Exists(full)) File.Delete(full);
            RemoveEmptyParents(root, Path.GetDirectoryName(full)!);
        }
        AtomicFile.WriteAllText(Path.Combine(root, OutputManifest.FileName), Manifest);
        File.Delete(Path.Combine(root, OutputFolder.JournalFileName));
    }

    /// <summary>The outermost folder on the way from <paramref name="root"/> to <paramref name="directory"/> that does not exist yet, or null.</summary>
    private static string? HighestMissingFolder(string root, string directory)
    {
        if (Directory.Exists(directory)) return null;
        var missing = directory;
        while (Path.GetDirectoryName(missing) is { } parent && parent.Length > root.Length && !Directory.Exists(parent)) missing = parent;
        return missing;
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

/// <summary>Write-then-rename, so readers see the old file or the new one, never half of one.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }
}
