using Archivist.Hashing;
using Archivist.Settings;

namespace Archivist.Build;

/// <summary>
/// One hash of everything a build reads: the tool itself, the settings, every template and asset, and
/// every seed's name and content hash, and what in the seeds folder was not read (so a new one is reported). Stored in the output manifest; when the next build computes the
/// same value and the output files are intact, there is nothing to do.
/// </summary>
public static class BuildInputsDigest
{
    public const string PropertyName = "input-fingerprint";

    /// <summary>Changes whenever the tool's code does (deterministic builds give a stable module id per source).</summary>
    public static string ToolId { get; } = HashBuilder.Of(
        typeof(BuildInputsDigest).Assembly.ManifestModule.ModuleVersionId.ToString(),
        typeof(BuildInputsDigest).Assembly.GetName().Version?.ToString());

    public static string Compute(SiteOptions options, string templatesHash, IReadOnlyList<SeedFileInfo> seeds, IReadOnlyList<Diagnostic>? skipped = null)
    {
        using var hasher = new HashBuilder();
        hasher.Add(ToolId).Add(options.Describe()).Add(templatesHash).Add(seeds.Count);
        // Not in Describe(): no page shows it, so toggling it rebuilds the index, not every page.
        if (options.SearchFragments) hasher.Add("search_fragments");
        foreach (var seed in seeds) hasher.Add(seed.Name).Add(seed.Hash);
        foreach (var d in skipped ?? []) hasher.Add(d.ToString());
        return hasher.Finish();
    }
}
