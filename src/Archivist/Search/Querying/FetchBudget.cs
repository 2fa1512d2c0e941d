namespace Archivist.Search.Querying;

/// <summary>
/// What one query may fetch beyond the files every query reads (the library, <c>index.json</c>, the shard
/// tables, and the metadata of the hits shown): at most <see cref="MaxUnits"/> units of term shards
/// (<see cref="ShardUnits"/> each) and dictionary pages (<see cref="PageUnits"/> each), each file counted once
/// however many terms it serves. A unit is 4 KiB: a shard is at most 12 KiB (the shard target; at 10,000 posts
/// no entry is larger) and a dictionary page is at most 3.9 KB as Pages gzips it. Both clients know every
/// file a term or page lookup would read before reading it — the shard tables and the page tables are in
/// memory — so the budget is checked before anything is fetched, and both admit the same files in the same
/// order (search-core.js mirrors this class):
/// <list type="number">
/// <item>the query's clauses in order, each whole (all its readings' terms); the first clause that does not
/// fit and every clause after it are ignored, except that a required "quoted phrase" keeps the leading words
/// that fit;</item>
/// <item>the open word's dictionary pages (its prefix's and its cuts'), all or none, then each completion and
/// the stem, most frequent first, as long as they fit;</item>
/// <item>for each word typo tolerance corrects, its dictionary pages, all or none, then each correction, most
/// frequent first, as long as they fit.</item>
/// </list>
/// So with twelve full shards' worth (36 units, 147.5 KB) on top of the 88.5 KB every query may read (library,
/// entry files, ten metadata chunks), no query at 10,000 posts fetches more than 236 KB (docs/SEARCH-FORMAT.md,
/// "Bounds"). At two segments a word costs two shards: six words fit, more when neighbours share a shard.
/// </summary>
public sealed class FetchBudget(IndexReader reader)
{
    public const int ShardUnits = 3;
    public const int PageUnits = 1;
    public const int MaxUnits = 36;

    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    /// <summary>Units spent so far.</summary>
    public int Used { get; private set; }

    /// <summary>
    /// Admits the shards that looking up <paramref name="terms"/> reads and the dictionary pages
    /// (segment, page index) if together with what is admitted already they fit; otherwise admits nothing.
    /// </summary>
    public bool TryAdmit(IEnumerable<string> terms, IEnumerable<(int Segment, int Page)>? pages = null)
    {
        var added = new List<string>();
        var cost = 0;
        foreach (var term in terms)
            for (var s = 0; s < reader.Entry.Segments.Count; s++)
                if (reader.ShardPath(s, term) is { } path && !_files.Contains(path) && !added.Contains(path))
                {
                    added.Add(path);
                    cost += ShardUnits;
                }
        foreach (var (segment, page) in pages ?? [])
        {
            var path = reader.Entry.Segments[segment].Pages[page].File;
            if (_files.Contains(path) || added.Contains(path)) continue;
            added.Add(path);
            cost += PageUnits;
        }
        if (Used + cost > MaxUnits) return false;
        Used += cost;
        _files.UnionWith(added);
        return true;
    }

    public bool TryAdmit(string term) => TryAdmit([term]);
}
