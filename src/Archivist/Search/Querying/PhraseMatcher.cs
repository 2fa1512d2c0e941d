namespace Archivist.Search.Querying;

/// <summary>
/// Checks that a phrase's words stand at consecutive positions. Common terms keep positions only for their
/// best documents, so a slot's positions in a document may be unknown; the check then covers the slots
/// whose positions are known, and a document where fewer than two are known passes on membership alone.
/// Rare words, which are what makes a phrase distinctive, always have positions.
/// </summary>
public sealed class PhraseMatcher(IndexReader reader)
{
    public bool Matches(PlannedClause clause, int doc) => LinedUp(clause.Slots.Select(s => (s.Offset, s)), doc, strict: false);

    /// <summary>
    /// Whether the slots stand at their offsets from a common start. Strict: only when every slot's positions
    /// are known (the proximity bonus); otherwise slots without known positions are skipped (phrase filtering).
    /// </summary>
    public bool LinedUp(IEnumerable<(int Offset, Slot Slot)> slots, int doc, bool strict)
    {
        var known = new List<(int Offset, HashSet<int> Positions)>();
        foreach (var (offset, slot) in slots)
        {
            if (Positions(slot, doc) is { } positions) known.Add((offset, positions));
            else if (strict) return false;
        }
        if (known.Count < 2) return !strict;
        var (firstOffset, firstPositions) = known[0];
        foreach (var p in firstPositions)
        {
            var start = p - firstOffset;
            if (known.Skip(1).All(k => k.Positions.Contains(start + k.Offset))) return true;
        }
        return false;
    }

    /// <summary>Positions in <paramref name="doc"/> of any of the slot's terms, or null when none are known.</summary>
    public HashSet<int>? Positions(Slot slot, int doc)
    {
        HashSet<int>? positions = null;
        foreach (var alternative in slot.Alternatives)
        {
            if (reader.Lookup(alternative.Term)?.Positions.GetValueOrDefault(doc) is not { } ps) continue;
            positions ??= [];
            positions.UnionWith(ps);
        }
        return positions;
    }
}
