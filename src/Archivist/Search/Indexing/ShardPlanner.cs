namespace Archivist.Search.Indexing;

/// <summary>
/// Cuts the sorted terms into shards of about a target size, at content-defined boundaries: a shard may end
/// after a term whose hash has its low three bits clear once it holds three quarters of the target, and must
/// end before an entry would take it past the target (unless empty: one entry alone can exceed it, a common
/// term bounded by the encoding policy). Because boundaries depend on the terms themselves and not on the
/// running total since the first term, a change to one entry moves at most the boundaries near it, and every
/// other shard keeps its bytes and its content-hashed name.
/// </summary>
public static class ShardPlanner
{
    public readonly record struct Range(int First, int Count);

    public static IReadOnlyList<Range> Plan(IReadOnlyList<string> terms, IReadOnlyList<byte[]> entries, int targetBytes)
    {
        var shards = new List<Range>();
        var first = 0;
        var size = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var cost = Cost(terms[i], entries[i]);
            if (i > first && size + cost > targetBytes)
            {
                shards.Add(new Range(first, i - first));
                (first, size) = (i, 0);
            }
            size += cost;
            if (size >= targetBytes * 3 / 4 && IsBoundary(terms[i]))
            {
                shards.Add(new Range(first, i + 1 - first));
                (first, size) = (i + 1, 0);
            }
        }
        if (terms.Count > first) shards.Add(new Range(first, terms.Count - first));
        return shards;
    }

    private static int Cost(string term, byte[] entry) => entry.Length + term.Length + 4;

    /// <summary>FNV-1a of the term: stable across runs and platforms, unlike string.GetHashCode.</summary>
    public static bool IsBoundary(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (hash & 7) == 0;
    }
}
