using Archivist.Content;
using Archivist.Output;
using Archivist.Search;

namespace Archivist.Build;

/// <summary>What a build did. <see cref="NoOp"/>: inputs and output were unchanged, nothing was read or written.</summary>
public sealed record BuildResult
{
    public bool NoOp { get; init; }
    public bool StrictFailed { get; init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
    public ImportStats? Stats { get; init; }
    public int SeedFiles { get; init; }
    public int CacheHits { get; init; }
    public int Rendered { get; init; }
    public int Kept { get; init; }
    public CommitSummary Summary { get; init; } = new(0, 0, 0);
    public SearchIndexResult? Search { get; init; }
    public Search.Related.RelatedPosts? Related { get; init; }
    public TimeSpan Elapsed { get; init; }
}
