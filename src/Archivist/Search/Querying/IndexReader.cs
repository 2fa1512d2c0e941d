using System.Text.Json;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Querying;

/// <summary>
/// Reads an index the way the browser does: the entry file first, then only the dictionary pages, shards
/// and metadata chunks a query needs, each read once. A term's entries from the main and tail segments are
/// merged into one (doc ids never overlap), so querying sees a single index. <see cref="BytesRead"/>
/// counts what was read and <see cref="FilesRead"/> names it, in the order read. A file that does not decode
/// is a <see cref="SearchIndexException"/> naming it: the index is the build's output, so a rebuild mends it.
/// </summary>
public sealed class IndexReader
{
    private readonly IIndexSource _source;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry?> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DictionaryPage> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShardTable> _tables = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];

    public IndexReader(IIndexSource source)
    {
        _source = source;
        Entry = Decode(IndexFiles.Entry, bytes => JsonSerializer.Deserialize<IndexEntryFile>(bytes, IndexFiles.Json));
        if (Entry.Format != IndexFiles.FormatVersion)
            throw new SearchIndexException($"the index has format {Entry.Format}, this archivist reads format {IndexFiles.FormatVersion}; rebuild the site.");
        if (!IsWhole(Entry)) throw Damaged(IndexFiles.Entry, "a part of it is missing");
    }

    /// <summary>Every part a query reads is there: valid JSON can still lack a field, and the lack would surface far from here.</summary>
    private static bool IsWhole(IndexEntryFile entry) =>
        entry is { Segments: not null, Meta: not null, Years: not null, MetaChunkSize: > 0 }
        && entry.Meta.Length % IndexFiles.HashLength == 0
        && (long)entry.Meta.Length / IndexFiles.HashLength * entry.MetaChunkSize >= entry.Documents
        && entry.Segments.All(s => s is { Pages.Count: > 0, Shards: not null } && s.Pages.All(p => p is { From: not null, File: not null }));

    public IndexEntryFile Entry { get; }

    public long BytesRead { get; private set; }

    /// <summary>Every file read so far (paths inside the index folder), each once, in the order read.</summary>
    public IReadOnlyList<string> FilesRead => _read;

    public int IdfOf(TermEntry entry) => Idf.Quantised(Entry.Documents, entry.DocumentFrequency);

    /// <summary>Index of the page of <paramref name="segment"/> that would hold <paramref name="term"/>.</summary>
    public int PageIndex(int segment, string term)
    {
        var pages = Entry.Segments[segment].Pages;
        int lo = 0, hi = pages.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (string.CompareOrdinal(pages[mid].From, term) <= 0) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public DictionaryPage Page(int segment, int index)
    {
        var file = Entry.Segments[segment].Pages[index].File;
        if (!_pages.TryGetValue(file, out var page))
            _pages[file] = page = Decode(file, bytes => JsonSerializer.Deserialize<DictionaryPage>(bytes, IndexFiles.Json) is { } p
                && p.Terms.Count == p.Df.Count ? p : null);
        return page;
    }

    /// <summary>
    /// Terms starting with <paramref name="prefix"/> with their document frequency (summed over segments), from at
    /// most <paramref name="maxPages"/> pages of each segment, starting at the prefix.
    /// </summary>
    public Dictionary<string, int> TermsWithPrefix(string prefix, int maxPages)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < Entry.Segments.Count; s++)
        {
            var first = PageIndex(s, prefix);
            var last = Math.Min(PageIndex(s, prefix + '\uffff'), first + maxPages - 1);
            for (var p = first; p <= last; p++)
            {
                var page = Page(s, p);
                for (var i = 0; i < page.Terms.Count; i++)
                    if (page.Terms[i].StartsWith(prefix, StringComparison.Ordinal))
                        found[page.Terms[i]] = found.GetValueOrDefault(page.Terms[i]) + page.Df[i];
            }
        }
        return found;
    }

    /// <summary>Document frequency of <paramref name="term"/> over the segments (0 when absent).</summary>
    public int Df(string term) => Df(term, (_, _) => true);

    /// <summary>
    /// Document frequency of <paramref name="term"/> over the segments where <paramref name="readable"/> allows
    /// reading the page that would hold it (segment, page index), asked in segment order.
    /// </summary>
    public int Df(string term, Func<int, int, bool> readable)
    {
        var df = 0;
        for (var s = 0; s < Entry.Segments.Count; s++)
        {
            var p = PageIndex(s, term);
            if (!readable(s, p)) continue;
            var page = Page(s, p);
            var at = QueryPlanner.IndexOf(page.Terms, term);
            if (at >= 0) df += page.Df[at];
        }
        return df;
    }

    /// <summary>A term's entry (its segments' entries merged), or null when no document holds it.</summary>
    public TermEntry? Lookup(string term)
    {
        if (_terms.TryGetValue(term, out var known)) return known;
        var parts = new List<TermEntry>();
        for (var s = 0; s < Entry.Segments.Count; s++)
            if (LookupIn(s, term) is { } part) parts.Add(part);
        var found = parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new TermEntry(
                [.. parts.SelectMany(p => p.Docs)],
                [.. parts.SelectMany(p => p.Impacts)],
                parts.SelectMany(p => p.Positions).ToDictionary(p => p.Key, p => p.Value)),
        };
        _terms[term] = found;
        return found;
    }

    /// <summary>The segment's shard table, read once: exact lookups go straight to their shard, as the browser's do.</summary>
    public ShardTable Shards(int segment)
    {
        var file = Entry.Segments[segment].Shards;
        if (!_tables.TryGetValue(file, out var table))
            _tables[file] = table = Decode(file, bytes => JsonSerializer.Deserialize<ShardTable>(bytes, IndexFiles.Json) is { } t
                && t.Files.Length == t.First.Count * IndexFiles.HashLength ? t : null);
        return table;
    }

    /// <summary>
    /// The shard of <paramref name="segment"/> a lookup of <paramref name="term"/> reads (the last whose first
    /// term is ≤ the term), or null when the term sorts before every shard: known from the shard table alone.
    /// </summary>
    public string? ShardPath(int segment, string term)
    {
        var table = Shards(segment);
        int lo = 0, hi = table.First.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (string.CompareOrdinal(table.First[mid], term) <= 0) lo = mid;
            else hi = mid - 1;
        }
        if (table.First.Count == 0 || string.CompareOrdinal(table.First[lo], term) > 0) return null;
        return IndexFiles.Shard(table.Files.Substring(lo * IndexFiles.HashLength, IndexFiles.HashLength));
    }

    private TermEntry? LookupIn(int segment, string term)
    {
        if (ShardPath(segment, term) is not { } path) return null;
        // Shards hold consecutive terms: one not in its shard is in no document of this segment.
        return Decode(path, bytes => ShardCodec.Decode(bytes).FirstOrDefault(e => e.Term == term) is { Term: not null } found
            ? TermEntryCodec.Decode(found.Entry.Span) : null, nullMeansDamaged: false);
    }

    public DocumentMeta Meta(int doc)
    {
        var chunk = doc / Entry.MetaChunkSize;
        var hash = Entry.Meta.Substring(chunk * IndexFiles.HashLength, IndexFiles.HashLength);
        return Decode(IndexFiles.MetaChunk(hash), bytes => JsonSerializer.Deserialize<DocumentMeta[]>(bytes, IndexFiles.Json) is { } metas
            && doc % Entry.MetaChunkSize < metas.Length ? metas[doc % Entry.MetaChunkSize] : null);
    }

    /// <summary>A document's fragment (metadata and passage texts), or null when the index was built without fragments.</summary>
    public DocumentFragment? Fragment(int doc)
    {
        var segment = Entry.Segments.FirstOrDefault(s => doc >= s.From && doc < s.To);
        return segment?.Fragments is { } tag ? Decode(IndexFiles.Fragment(tag, doc - segment.From), DocumentFragment.Decode) : null;
    }

    /// <summary>
    /// <paramref name="decode"/> applied to the file at <paramref name="path"/>. Decoding is a pure function of the bytes,
    /// so anything it throws (or a null, where the file must hold a value) means the file is damaged.
    /// </summary>
    private T Decode<T>(string path, Func<byte[], T?> decode, bool nullMeansDamaged = true)
    {
        var bytes = Read(path);
        T? value;
        try
        {
            value = decode(bytes);
        }
        catch (Exception e) when (e is not SearchIndexException and not OutOfMemoryException)
        {
            throw Damaged(path, $"{e.GetType().Name}: {FirstLine(e.Message)}", e);
        }
        if (value is null && nullMeansDamaged) throw Damaged(path, "it holds no value of the kind expected");
        return value!;
    }

    private static SearchIndexException Damaged(string path, string why, Exception? inner = null) =>
        new($"the search index file '{path}' is damaged ({why}); rebuild the site.", inner);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');

    private byte[] Read(string path)
    {
        if (_files.TryGetValue(path, out var bytes)) return bytes;
        bytes = _source.Read(path);
        BytesRead += bytes.Length;
        _files[path] = bytes;
        _read.Add(path);
        return bytes;
    }
}
