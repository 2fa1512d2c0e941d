using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Archivist.Search.Format;

/// <summary>
/// The JSON files of the index (GitHub Pages gzips .json on the fly) and where files live in the index folder.
/// </summary>
public static class IndexFiles
{
    public const string Entry = "index.json";
    public const int FormatVersion = 2;

    public static string Shard(string hash) => $"t/{hash}.bin";
    public static string DictionaryPage(string hash) => $"d/{hash}.json";
    public static string MetaChunk(string hash) => $"m/{hash}.json";
    public static string ShardTable(string hash) => $"s/{hash}.json";
    public static string Fragment(string tag, int local) => $"f/{tag}/{local}.bin";

    /// <summary>Hex characters of a content hash in a file name: enough to tell versions of one file apart.</summary>
    public const int HashLength = 10;

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Read by fetch().json() and never put into HTML, so non-ASCII can stay UTF-8 (smaller).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // The index files' contracts come from the source generator; anything else (the cache's own state files) by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(IndexJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

/// <summary>
/// <c>index.json</c>, the one file every query starts from: the document count, the segments (each with its
/// dictionary pages by first term), the content hashes of the metadata chunks (10 hex characters each, in
/// chunk order) and the doc-id range of each year.
/// </summary>
public sealed record IndexEntryFile(
    int Format,
    int Documents,
    int IdfScale,
    int TopImpacts,
    IReadOnlyList<SegmentRef> Segments,
    int MetaChunkSize,
    string Meta,
    int FirstDated,
    IReadOnlyList<YearRange> Years);

/// <summary>
/// The postings of documents [<see cref="From"/>, <see cref="To"/>): a main segment of whole multiples of
/// the tail span, which adding a newest post leaves alone, and a tail segment of the newest posts.
/// <see cref="Shards"/> names the segment's <see cref="ShardTable"/> file; <see cref="Fragments"/>, when the index
/// has fragments, the folder of its documents' fragments (<c>f/&lt;tag&gt;/&lt;doc − From&gt;.bin</c>), named by a hash
/// of them all so that a changed fragment never hides behind a cached one of the same name.
/// </summary>
public sealed record SegmentRef(int From, int To, IReadOnlyList<PageRef> Pages, string Shards,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fragments = null);

/// <summary>
/// Every shard of a segment by its first term, so an exact lookup goes straight to its shard: clients read
/// this once, as the page opens, and a query for a word then costs one round trip instead of a dictionary
/// page and then a shard. <see cref="Files"/> holds the shards' content hashes (10 hex digits each, in
/// shard order: <c>t/&lt;hash&gt;.bin</c>).
/// </summary>
public sealed record ShardTable(IReadOnlyList<string> First, string Files);

/// <summary>A dictionary page holding the terms from <see cref="From"/> up to the next page's.</summary>
public sealed record PageRef(string From, string File);

/// <summary>Documents dated in <see cref="Year"/> have ids in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record YearRange(int Year, int From, int To);

/// <summary>
/// A dictionary page: consecutive terms with their document frequencies and the shards that hold them
/// (each shard holds the next <see cref="ShardRef.Terms"/> terms). Prefix and typo matching read it.
/// </summary>
public sealed record DictionaryPage(IReadOnlyList<string> Terms, IReadOnlyList<int> Df, IReadOnlyList<ShardRef> Shards);

public sealed record ShardRef(string File, int Terms);

/// <summary>
/// What a result needs to be shown: URL (site-relative, no base path), title, date, and the passage
/// table: where each passage starts (gaps: title at 0, body, then comments) and the comment ids.
/// </summary>
public sealed record DocumentMeta(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("d")] string? Date,
    [property: JsonPropertyName("p")] int[] PassageGaps,
    [property: JsonPropertyName("c")] string CommentIds)
{
    /// <summary>The date was estimated from the text (shown as "about …", as the post page does); written only when true.</summary>
    [JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DateEstimated { get; init; }
}
