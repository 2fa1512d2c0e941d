using Archivist.Settings;

namespace Archivist.Build;

/// <summary>What to build, from where, to where.</summary>
public sealed record BuildRequest
{
    public required string SeedsDirectory { get; init; }
    public required string OutputDirectory { get; init; }
    public required string TemplatesDirectory { get; init; }
    public required SiteOptions Options { get; init; }

    /// <summary>The settings file the options came from (watched by <c>serve</c>), if any.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>Cache folder (seed parses, page memo, search analysis), or null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Render every page even when nothing changed (files whose bytes are the same are still not rewritten).</summary>
    public bool Force { get; init; }

    /// <summary>Fail, writing nothing, when loading the seeds reported any warning.</summary>
    public bool Strict { get; init; }

    /// <summary>How long to wait for another build writing the same output folder.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(2);
}
