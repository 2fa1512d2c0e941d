namespace Archivist.Seeds;

/// <summary>A reader comment as found in a seed: its text blocks and, for top-level comments, replies.</summary>
public sealed record SeedComment(int Line, IReadOnlyList<SeedBlock> Blocks, IReadOnlyList<SeedComment> Replies)
{
    public int TotalCount => 1 + Replies.Sum(r => r.TotalCount);
}
