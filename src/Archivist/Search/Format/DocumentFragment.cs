using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archivist.Search.Format;

/// <summary>
/// One document's fragment (<c>f/&lt;segment tag&gt;/&lt;n&gt;.bin</c>, written when
/// <see cref="SearchIndexOptions.Fragments"/> is on): its metadata and the plain text of each passage after the
/// title (the body, then each comment in reading order), as Pagefind's fragments hold a page. A client that
/// has ranked a document knows its fragment's name from the doc id alone, so showing a result with its
/// snippet takes one fetch after ranking instead of two (the metadata chunk, whose URL then names the page).
/// </summary>
/// <remarks>
/// Raw deflate of UTF-8 JSON: GitHub Pages compresses only known text types on the fly, and a .json copy of
/// the archive's text would add its full size to the site; browsers inflate with
/// <c>DecompressionStream('deflate-raw')</c>.
/// </remarks>
public sealed record DocumentFragment(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("d")] string? Date,
    [property: JsonPropertyName("p")] int[] PassageGaps,
    [property: JsonPropertyName("c")] string CommentIds,
    [property: JsonPropertyName("x")] IReadOnlyList<string> Passages)
{
    /// <summary>As <see cref="DocumentMeta.DateEstimated"/>.</summary>
    [JsonPropertyName("e")]
    public bool DateEstimated { get; init; }

    /// <summary>
    /// zlib level 2: measured on the generated corpus's text, 2.22× at 64 MB/s a core, against 2.36× at 41 MB/s for
    /// the default level 6 and 1.59× at 100 MB/s for level 1 (docs/BENCHMARKS.md).
    /// </summary>
    public const int CompressionLevel = 2;

    /// <summary>The text of passage <paramref name="where"/>: the body for <c>post</c> (a title match shows the body too) or a comment id.</summary>
    public string TextOf(string where)
    {
        if (where != Querying.PassageLocator.Post)
        {
            var ids = CommentIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(ids, where);
            if (at >= 0 && at + 1 < Passages.Count) return Passages[at + 1];
        }
        return Passages.Count > 0 ? Passages[0] : "";
    }

    public static DocumentFragment Decode(byte[] bytes)
    {
        using var inflate = new DeflateStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<DocumentFragment>(inflate, IndexFiles.Json)
               ?? throw new InvalidDataException("an empty document fragment");
    }
}

/// <summary>
/// Writes a fragment while its document is analysed: the metadata first, each passage's text as the analyzer
/// produces it (in the analyzer's reused buffer, so no string per comment), then the passage table. One per
/// analyzer thread; the buffers are reused.
/// </summary>
public sealed class DocumentFragmentWriter
{
    private readonly MemoryStream _json = new(1 << 16);
    private readonly MemoryStream _packed = new(1 << 15);
    private readonly Utf8JsonWriter _writer;

    public DocumentFragmentWriter() =>
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = IndexFiles.Json.Encoder, SkipValidation = true });

    public void Begin(string url, string title, string? date, bool dateEstimated = false)
    {
        _json.SetLength(0);
        _writer.Reset(_json);
        _writer.WriteStartObject();
        _writer.WriteString("u", url);
        _writer.WriteString("t", title);
        if (date is null) _writer.WriteNull("d");
        else _writer.WriteString("d", date);
        if (dateEstimated) _writer.WriteBoolean("e", true);
        _writer.WriteStartArray("x");
    }

    public void AddPassage(ReadOnlySpan<char> text) => _writer.WriteStringValue(text);

    /// <summary>Closes the fragment with its passage table and returns it compressed.</summary>
    public byte[] Finish(int[] passageGaps, string commentIds)
    {
        _writer.WriteEndArray();
        _writer.WriteStartArray("p");
        foreach (var gap in passageGaps) _writer.WriteNumberValue(gap);
        _writer.WriteEndArray();
        _writer.WriteString("c", commentIds);
        _writer.WriteEndObject();
        _writer.Flush();
        _packed.SetLength(0);
        using (var deflate = new DeflateStream(_packed, new ZLibCompressionOptions { CompressionLevel = DocumentFragment.CompressionLevel }, leaveOpen: true))
            deflate.Write(_json.GetBuffer(), 0, (int)_json.Length);
        return _packed.ToArray();
    }
}
