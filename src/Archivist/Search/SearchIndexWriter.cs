using Archivist.Content;
using Archivist.Output;

namespace Archivist.Search;

/// <summary>Settings for the static search index (BM25 parameters and field weights come with the index issue).</summary>
public sealed record SearchIndexOptions
{
    /// <summary>Folder of the index inside the site, e.g. <c>search-index</c>.</summary>
    public string Folder { get; init; } = "search-index";

    /// <summary>Where analysis results may be cached between builds (null: no cache).</summary>
    public string? CacheDirectory { get; init; }
}

public sealed record SearchIndexResult(int Documents, int Files, long Bytes);

/// <summary>
/// Writes the prebuilt, sharded search index of the site. PLACEHOLDER until the search issue lands:
/// the build pipeline already calls it, so the index arrives without touching the pipeline.
/// </summary>
public static class SearchIndexWriter
{
    public static SearchIndexResult Write(IReadOnlyList<Post> posts, OutputTransaction output, SearchIndexOptions options) =>
        new(posts.Count, 0, 0);
}
