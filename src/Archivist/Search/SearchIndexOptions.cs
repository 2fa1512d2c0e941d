using Archivist.Search.Scoring;

namespace Archivist.Search;

/// <summary>Settings of the static search index. The defaults keep every query under 250 KB on a 10,000-post archive.</summary>
public sealed record SearchIndexOptions
{
    /// <summary>Folder of the index inside the site.</summary>
    public string Folder { get; init; } = "search-index";

    /// <summary>
    /// Where the index of record (a Lucene index, in <c>lucene/</c>) and the state of the last export's main segment are
    /// kept between builds (null: the index of record is built in memory).
    /// </summary>
    public string? CacheDirectory { get; init; }

    public Bm25FParameters Scoring { get; init; } = new();

    /// <summary>A term in more documents than this stores exact impacts only for this many (its best), a rest value for the others.</summary>
    public int TopImpacts { get; init; } = 1000;

    /// <summary>Byte budget of one term's positions (phrases, and which comment matched); best documents first.</summary>
    public int PositionBytes { get; init; } = 6 * 1024;

    /// <summary>Target size of a term shard; a shard is closed before an entry would take it past this.</summary>
    public int ShardBytes { get; init; } = 12 * 1024;

    /// <summary>Terms per dictionary page (prefix and typo matching fetch pages).</summary>
    public int PageTerms { get; init; } = 512;

    /// <summary>Documents per metadata chunk: ten results should cost a few kilobytes.</summary>
    public int MetaChunkSize { get; init; } = 16;

    /// <summary>
    /// Postings are split in two segments: documents below the largest multiple of this span (the main segment,
    /// which a new newest post does not touch) and the newest ones after it (the tail, rewritten as posts arrive).
    /// The main segment is rewritten once every this many new posts.
    /// </summary>
    public int TailSpan { get; init; } = 512;

    /// <summary>
    /// Also write each post's fragment (<see cref="Format.DocumentFragment"/>: its metadata and plain text), so the
    /// browser shows a result with its snippet one fetch after ranking instead of two. Measured at 10,000 generated
    /// posts: five results shown with snippets within a millisecond of Pagefind's (about 8 ms sooner than without),
    /// for 138 MB more in the site, 3–4 s more CPU and about 100 MB more memory in a full build (docs/BENCHMARKS.md).
    /// Off by default: site size, build time and memory are what a large archive runs short of first.
    /// </summary>
    public bool Fragments { get; init; }
}
