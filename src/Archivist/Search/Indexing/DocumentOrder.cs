using Archivist.Content;

namespace Archivist.Search.Indexing;

/// <summary>
/// Document ids: undated posts first, then by date ascending, ties by URL. A new newest post therefore
/// takes the next id and every other id stays put, which keeps rebuilt shards byte-identical where their
/// terms did not change. Sorting by date is sorting by id, and a year is a contiguous id range.
/// </summary>
public static class DocumentOrder
{
    public static IReadOnlyList<Post> Assign(IEnumerable<Post> posts)
    {
        var list = posts.ToList();
        // Sorted by List.Sort over positions, the original position last (a stable sort, as LINQ's was): its comparison
        // runs precompiled code, where LINQ's sorter over a date key was compiled at run time in every build.
        var positions = new int[list.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(positions, (a, b) =>
        {
            var (x, y) = (list[a], list[b]);
            var order = x.Date.HasValue.CompareTo(y.Date.HasValue);
            if (order == 0 && x.Date is { } dx && y.Date is { } dy) order = dx.CompareTo(dy);
            if (order == 0) order = string.CompareOrdinal(x.Url, y.Url);
            return order != 0 ? order : a.CompareTo(b);
        });
        var ordered = new List<Post>(list.Count);
        foreach (var i in positions) ordered.Add(list[i]);
        return ordered;
    }
}
