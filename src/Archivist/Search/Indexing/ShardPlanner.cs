namespace Archivist.Search.Indexing;

/// <summary>
/// Cuts the sorted terms into shards of about a target size. A shard is closed before an entry would take
/// it past the target, so no shard exceeds the target unless one entry alone does (a common term, itself
/// bounded by the encoding policy). Boundaries depend only on the entries, so unchanged runs stay unchanged.
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
            var cost = entries[i].Length + terms[i].Length + 4;
            if (i > first && size + cost > targetBytes)
            {
                shards.Add(new Range(first, i - first));
                first = i;
                size = 0;
            }
            size += cost;
        }
        if (terms.Count > first) shards.Add(new Range(first, terms.Count - first));
        return shards;
    }
}
