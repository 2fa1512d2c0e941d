namespace Archivist.Search.Querying;

/// <summary>
/// Checks that a phrase's words stand at consecutive positions. Common terms keep positions only for their
/// best documents, so a slot's positions in a document may be unknown; the check then covers the slots
/// whose positions are known, and a document where fewer than two are known passes on membership alone.
/// Rare words, which are what makes a phrase distinctive, always have positions.
/// </summary>
public sealed class PhraseMatcher(IndexReader reader)
{
    /// <summary>Whether the reading's slots stand at their offsets from a common start, where their positions are known.</summary>
    public bool Matches(Reading reading, int doc)
    {
        var known = new List<(int Offset, HashSet<int> Positions)>();
        foreach (var slot in reading.Slots)
            if (Positions(slot, doc) is { } positions) known.Add((slot.Offset, positions));
        if (known.Count < 2) return true;
        var (firstOffset, firstPositions) = known[0];
        foreach (var p in firstPositions)
        {
            var start = p - firstOffset;
            if (known.Skip(1).All(k => k.Positions.Contains(start + k.Offset))) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the clauses stand next to each other in order, each through any of its readings (a hyphenated
    /// word as its parts or joined), with every position known (the proximity bonus). It follows the positions
    /// where the next clause may start, clause by clause.
    /// </summary>
    public bool InSequence(IReadOnlyList<PlannedClause> clauses, int doc)
    {
        HashSet<int>? starts = null; // null: the first clause may start anywhere
        foreach (var clause in clauses)
        {
            var next = new HashSet<int>();
            foreach (var reading in clause.Readings)
            {
                var known = new List<(int Offset, HashSet<int> Positions)>();
                foreach (var slot in reading.Slots)
                {
                    if (Positions(slot, doc) is not { } positions) break;
                    known.Add((slot.Offset, positions));
                }
                if (known.Count < reading.Slots.Count) continue;
                var candidates = starts ?? [.. known[0].Positions.Select(p => p - known[0].Offset)];
                foreach (var start in candidates)
                    if (known.All(k => k.Positions.Contains(start + k.Offset))) next.Add(start + reading.Width);
            }
            if (next.Count == 0) return false;
            starts = next;
        }
        return true;
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
