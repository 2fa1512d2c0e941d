namespace Archivist.Files;

/// <summary>
/// Paths compared as the file system sees them: absolute, every link along them resolved as far as they exist, and
/// without case where the file system usually ignores it (Windows, macOS). Two names for one folder compare equal.
/// </summary>
public static class CanonicalPath
{
    public static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The absolute path with its links resolved; a part that does not exist yet is kept as it is.</summary>
    public static string Of(string path) => Resolve(Path.GetFullPath(path), depth: 0);

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both canonical).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        WithSeparator(path).StartsWith(WithSeparator(folder), Comparison);

    private static string WithSeparator(string p) => Path.EndsInDirectorySeparator(p) ? p : p + Path.DirectorySeparatorChar; // "/" stays "/"

    private static string Resolve(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next); // lstat: a link to a folder is seen as a link too
            if (info.LinkTarget is not null && depth < 40 && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = Resolve(Path.GetFullPath(target.FullName), depth + 1);
            else if (!info.Exists && !Directory.Exists(next))
                return Path.Combine([next, .. parts[(i + 1)..]]); // nothing deeper exists to resolve
            current = next;
        }
        return current;
    }
}
