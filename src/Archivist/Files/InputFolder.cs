namespace Archivist.Files;

/// <summary>One file to read under an input folder: where it is, and its name relative to the folder with '/'.</summary>
public sealed record InputFile(string Path, string Name);

/// <summary>Something under an input folder that is not read, and why (for a warning naming it).</summary>
public sealed record SkippedInput(string Name, string Reason);

public sealed record InputListing(IReadOnlyList<InputFile> Files, IReadOnlyList<SkippedInput> Skipped);

/// <summary>
/// The files of an input folder (the seeds), walked without ever hanging or leaving it. Only regular files are read: a
/// FIFO, socket or device (whose opening can block for ever) is skipped. A link to a file is read when the file is
/// inside the folder; a link that leads outside it is refused, so a planted <c>p.txt -> /etc/passwd</c> is never
/// published; a link to a folder is not followed (so <c>ln -s . loop</c> cannot loop). A folder that cannot be read
/// is reported, not silently dropped. Hidden names (a leading '.') are not inputs and are passed over silently.
/// </summary>
public static class InputFolder
{
    /// <param name="wanted">Which file names (relative, with '/') are inputs; others are passed over silently.</param>
    public static InputListing Scan(string directory, Func<string, bool> wanted)
    {
        var root = Path.GetFullPath(directory);
        var canonicalRoot = CanonicalPath.Of(root);
        var files = new List<InputFile>();
        var skipped = new List<SkippedInput>();
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (pending.TryPop(out var folder))
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedInput(NameOf(root, folder) + "/", $"cannot read this folder ({e.Message}); any seeds in it were skipped"));
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.') || (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0) continue;
                var name = NameOf(root, entry.FullName);
                // The attribute comes with the listing; asking every entry for its link target would cost a call each.
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 && entry.LinkTarget is not null)
                {
                    var target = CanonicalPath.Of(entry.FullName);
                    var isFolder = Directory.Exists(target);
                    if (!isFolder && !wanted(name)) continue;
                    if (LinkProblem(entry, target, isFolder, canonicalRoot) is { } reason) skipped.Add(new SkippedInput(name, reason));
                    else files.Add(new InputFile(entry.FullName, name));
                }
                else if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                }
                else if (wanted(name))
                {
                    if (FileType.IsRegular(entry.FullName)) files.Add(new InputFile(entry.FullName, name));
                    else skipped.Add(new SkippedInput(name, "is not a regular file (a FIFO, socket or device); not read"));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        skipped.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new InputListing(files, skipped);
    }

    /// <summary>Why the link <paramref name="entry"/> (leading to <paramref name="target"/>) is not read, or null to read it.</summary>
    private static string? LinkProblem(FileSystemInfo entry, string target, bool isFolder, string canonicalRoot)
    {
        if (!CanonicalPath.IsSameOrInside(target, canonicalRoot))
            return $"is a link to '{entry.LinkTarget}', outside the folder; links that leave it are not followed";
        if (isFolder) return "is a link to a folder; links to folders are not followed";
        if (!File.Exists(target)) return $"is a link to '{entry.LinkTarget}', which does not exist; not read";
        if (!FileType.IsRegular(target)) return "is a link to something that is not a regular file (a FIFO, socket or device); not read";
        return null;
    }

    private static string NameOf(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
