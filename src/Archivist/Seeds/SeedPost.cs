namespace Archivist.Seeds;

/// <summary>One post recovered from a seed file, before it becomes a Content post.</summary>
public sealed record SeedPost
{
    /// <summary>Seed file name, relative to the seeds folder.</summary>
    public required string Source { get; init; }

    /// <summary>1-based line where the post starts (its date line, or its first text line).</summary>
    public required int Line { get; init; }

    public required string Title { get; init; }
    public bool TitleInferred { get; init; }
    public DateOnly? Date { get; init; }
    public bool DateEstimated { get; init; }

    /// <summary>A slug asked for in the seed's front matter; Content validates and applies it.</summary>
    public string? RequestedSlug { get; init; }

    public required IReadOnlyList<SeedBlock> Body { get; init; }
    public required IReadOnlyList<SeedComment> Comments { get; init; }

    /// <summary>
    /// Whether the dump has a comment section (even <c>No comments:</c>). A page saved without one says
    /// nothing about how many comments the post had: unknown, not zero.
    /// </summary>
    public bool CommentsCaptured { get; init; } = true;

    public int CommentCount => Comments.Sum(c => c.TotalCount);
}
