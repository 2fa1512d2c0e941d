using Archivist.Content;

namespace Archivist.Search.Indexing;

/// <summary>
/// Document ids: undated posts first, then by date ascending, ties by URL. A new newest post therefore
/// takes the next id and every other id stays put, which keeps rebuilt shards byte-identical where their
/// terms did not change. Sorting by date is sorting by id, and a year is a contiguous id range.
/// </summary>
public static class DocumentOrder
{
    public static IReadOnlyList<Post> Assign(IEnumerable<Post> posts) =>
        posts.OrderBy(p => p.Date.HasValue)
            .ThenBy(p => p.Date)
            .ThenBy(p => p.Url, StringComparer.Ordinal)
            .ToList();
}
