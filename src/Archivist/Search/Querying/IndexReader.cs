using System.Text.Json;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Querying;

/// <summary>
/// Reads an index the way the browser does: the entry file first, then only the dictionary pages, shards
/// and metadata chunks a query needs, each read once. <see cref="BytesRead"/> counts what was read.
/// </summary>
public sealed class IndexReader
{
    private readonly IIndexSource _source;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry?> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<int, DictionaryPage> _pages = [];

    public IndexReader(IIndexSource source)
    {
        _source = source;
        try
        {
            Entry = JsonSerializer.Deserialize<IndexEntryFile>(Read(IndexFiles.Entry), IndexFiles.Json)
                ?? throw new SearchIndexException("index.json is empty");
        }
        catch (JsonException e)
        {
            throw new SearchIndexException($"index.json is damaged ({e.Message}); rebuild the site.", e);
        }
        if (Entry.Format != IndexFiles.FormatVersion)
            throw new SearchIndexException($"the index has format {Entry.Format}, this archivist reads format {IndexFiles.FormatVersion}; rebuild the site.");
    }

    public IndexEntryFile Entry { get; }

    public long BytesRead { get; private set; }

    public IReadOnlyCollection<string> FilesRead => _files.Keys;

    public int IdfOf(TermEntry entry) => Idf.Quantised(Entry.Documents, entry.DocumentFrequency);

    /// <summary>Index of the dictionary page that would hold <paramref name="term"/>.</summary>
    public int PageIndex(string term)
    {
        int lo = 0, hi = Entry.Pages.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (string.CompareOrdinal(Entry.Pages[mid].From, term) <= 0) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    public DictionaryPage Page(int index)
    {
        if (!_pages.TryGetValue(index, out var page))
            _pages[index] = page = JsonSerializer.Deserialize<DictionaryPage>(Read(Entry.Pages[index].File), IndexFiles.Json)!;
        return page;
    }

    /// <summary>A term's entry, or null when no document holds it.</summary>
    public TermEntry? Lookup(string term)
    {
        if (_terms.TryGetValue(term, out var known)) return known;
        TermEntry? found = null;
        if (Entry.Pages.Count > 0)
        {
            var page = Page(PageIndex(term));
            var at = BinarySearch(page.Terms, term);
            if (at >= 0)
            {
                var shardIndex = 0;
                var first = 0;
                while (first + page.Shards[shardIndex].Terms <= at) first += page.Shards[shardIndex++].Terms;
                foreach (var (t, bytes) in ShardCodec.Decode(Read(page.Shards[shardIndex].File)))
                    if (t == term) found = TermEntryCodec.Decode(bytes.Span);
            }
        }
        _terms[term] = found;
        return found;
    }

    public DocumentMeta Meta(int doc)
    {
        var chunk = doc / Entry.MetaChunkSize;
        var hash = Entry.Meta.Substring(chunk * IndexFiles.HashLength, IndexFiles.HashLength);
        var metas = JsonSerializer.Deserialize<DocumentMeta[]>(Read(IndexFiles.MetaChunk(hash)), IndexFiles.Json)!;
        return metas[doc % Entry.MetaChunkSize];
    }

    private static int BinarySearch(IReadOnlyList<string> sorted, string term)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(sorted[mid], term);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private byte[] Read(string path)
    {
        if (_files.TryGetValue(path, out var bytes)) return bytes;
        bytes = _source.Read(path);
        BytesRead += bytes.Length;
        _files[path] = bytes;
        return bytes;
    }
}
