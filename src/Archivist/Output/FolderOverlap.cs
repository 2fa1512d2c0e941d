using Archivist.Files;

namespace Archivist.Output;

/// <summary>One folder or file a command uses, by what it is for (<c>--seeds</c>, <c>--cache</c>…).</summary>
public sealed record UsedPath(string Role, string Path);

/// <summary>
/// Keeps the folders a command writes and deletes in (the output, the cache) apart from what it reads (the seeds, the
/// templates, the settings file) and from each other. <c>--cache .</c> in the project folder once made the cache's
/// pruning delete every seed: a folder that is, holds or sits inside an input is refused before anything happens.
/// Paths are compared as <see cref="CanonicalPath"/>s.
/// </summary>
public static class FolderOverlap
{
    /// <summary>Why these cannot be used together (naming both paths), or null when no written folder overlaps another path.</summary>
    public static string? Problem(IEnumerable<UsedPath> inputs, IReadOnlyList<UsedPath> written)
    {
        var reads = inputs.Select(i => (Used: i, Canonical: CanonicalPath.Of(i.Path))).ToList();
        var writes = written.Select(w => (Used: w, Canonical: CanonicalPath.Of(w.Path))).ToList();
        // Against the inputs first: that is the overlap that loses data, so it is the one to name.
        var pairs = writes.SelectMany(w => reads.Select(r => (w, r)))
            .Concat(writes.SelectMany(w => writes.Where(o => o.Used != w.Used).Select(o => (w, o))));
        foreach (var (w, other) in pairs)
        {
            var relation = CanonicalPath.IsSameOrInside(w.Canonical, other.Canonical) ? (CanonicalPath.IsSameOrInside(other.Canonical, w.Canonical) ? "is" : "is inside")
                : CanonicalPath.IsSameOrInside(other.Canonical, w.Canonical) ? "contains"
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
}
