namespace Archivist.Output;

/// <summary>
/// Finds what in the output folder stands in the way of writing or deleting a path: a folder of the site's
/// path that is a file or a link (which could lead outside the folder), or a file archivist never generated
/// at the path itself. Each folder is looked at once, so checking a whole commit costs one look per folder.
/// </summary>
internal sealed class PathCheck(string root)
{
    private enum Kind { Missing, Folder, File, Link }

    private readonly Dictionary<string, Kind> _folders = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="path"/> must not be replaced, or null; <paramref name="ours"/>: the manifest lists it.</summary>
    public string? ProblemWriting(string path, bool ours)
    {
        if (ProblemReaching(path) is { } problem) return problem;
        var full = OutputPath.ToFull(root, path);
        var info = new FileInfo(full);
        if (Directory.Exists(full)) return $"'{path}' is a folder where the site has a file";
        if (!ours && (info.Exists || info.LinkTarget is not null))
            return $"'{path}' is not a file archivist generated (it is not in {OutputManifest.FileName}), and this build would replace it";
        return null;
    }

    /// <summary>Why the folders leading to <paramref name="path"/> must not be used, or null when they are plain folders (or missing).</summary>
    public string? ProblemReaching(string path)
    {
        var cut = path.IndexOf('/');
        while (cut > 0)
        {
            var folder = path[..cut];
            switch (KindOf(folder))
            {
                case Kind.Missing: return null; // nothing deeper exists either
                case Kind.File: return $"'{folder}' is a file archivist did not generate, where the site needs a folder";
                case Kind.Link: return $"'{folder}' is a link; archivist never writes or deletes through links";
            }
            cut = path.IndexOf('/', cut + 1);
        }
        return null;
    }

    private Kind KindOf(string folder)
    {
        if (_folders.TryGetValue(folder, out var kind)) return kind;
        var full = OutputPath.ToFull(root, folder);
        var info = new DirectoryInfo(full);
        kind = info.LinkTarget is not null ? Kind.Link
            : info.Exists ? Kind.Folder
            : File.Exists(full) ? Kind.File
            : Kind.Missing;
        _folders[folder] = kind;
        return kind;
    }
}
