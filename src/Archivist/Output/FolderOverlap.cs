namespace Archivist.Output;

/// <summary>One folder or file a command uses, by what it is for (<c>--seeds</c>, <c>--cache</c>…).</summary>
public sealed record UsedPath(string Role, string Path);

/// <summary>
/// Keeps the folders a command writes and deletes in (the output, the cache) apart from what it reads (the seeds, the
/// templates, the settings file) and from each other. <c>--cache .</c> in the project folder once made the cache's
/// pruning delete every seed: a folder that is, holds or sits inside an input is refused before anything happens.
/// Paths are compared canonically: made absolute, links resolved where they exist, and without case where the file
/// system usually ignores it (Windows, macOS).
/// </summary>
public static class FolderOverlap
{
    private static readonly StringComparison NameComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Why these cannot be used together (naming both paths), or null when no written folder overlaps another path.</summary>
    public static string? Problem(IEnumerable<UsedPath> inputs, IReadOnlyList<UsedPath> written)
    {
        var reads = inputs.Select(i => (Used: i, Canonical: Canonical(i.Path))).ToList();
        var writes = written.Select(w => (Used: w, Canonical: Canonical(w.Path))).ToList();
        // Against the inputs first: that is the overlap that loses data, so it is the one to name.
        var pairs = writes.SelectMany(w => reads.Select(r => (w, r)))
            .Concat(writes.SelectMany(w => writes.Where(o => o.Used != w.Used).Select(o => (w, o))));
        foreach (var (w, other) in pairs)
        {
            var relation = IsSameOrInside(w.Canonical, other.Canonical) ? (IsSameOrInside(other.Canonical, w.Canonical) ? "is" : "is inside")
                : IsSameOrInside(other.Canonical, w.Canonical) ? "contains"
                : null;
            if (relation is null) continue;
            return $"{w.Used.Role} '{w.Used.Path}' {relation} the {Describe(other.Used)} '{other.Used.Path}'. " +
                   $"archivist writes and deletes files in its {(w.Used.Role == "--cache" ? "cache" : "output")} folder, so it must not overlap " +
                   "the seeds, the templates, the settings file or the other folder it writes; choose another folder.";
        }
        return null;
    }

    private static string Describe(UsedPath used) => used.Role switch
    {
        "--seeds" => "seeds folder (--seeds)",
        "--templates" => "templates folder (--templates)",
        "--config" => "settings file (--config)",
        "--cache" => "cache folder (--cache)",
        "--out" => "output folder (--out)",
        var role => role,
    };

    private static bool IsSameOrInside(string path, string folder)
    {
        return WithSeparator(path).StartsWith(WithSeparator(folder), NameComparison);

        static string WithSeparator(string p) => Path.EndsInDirectorySeparator(p) ? p : p + Path.DirectorySeparatorChar; // "/" stays "/"
    }

    /// <summary>
    /// The absolute path with every link along it resolved, as far as the path exists (the rest, not yet created,
    /// is appended as it is): two names for one folder compare equal.
    /// </summary>
    public static string Canonical(string path) => Canonical(Path.GetFullPath(path), depth: 0);

    private static string Canonical(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next); // lstat: sees a link to a folder as a link too
            if (info.LinkTarget is not null && depth < 40 && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                next = Canonical(Path.GetFullPath(target.FullName), depth + 1);
            else if (!info.Exists && !Directory.Exists(next))
                return Path.Combine([next, .. parts[(i + 1)..]]); // nothing deeper exists to resolve
            current = next;
        }
        return current;
    }
}
