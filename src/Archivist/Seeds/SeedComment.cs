namespace Archivist.Seeds;

/// <summary>A reader comment as found in a seed: its text blocks and, for top-level comments, replies.</summary>
public sealed record SeedComment(int Line, IReadOnlyList<SeedBlock> Blocks, IReadOnlyList<SeedComment> Replies)
{
    /// <summary>Who wrote it, when the dump says (<c>Anonymous said...</c>, or a threaded byline).</summary>
    public string? Author { get; init; }

    /// <summary>When it was written, as the page showed it: local time, no zone.</summary>
    public DateTime? Published { get; init; }

    public int TotalCount => 1 + Replies.Sum(r => r.TotalCount);
}
