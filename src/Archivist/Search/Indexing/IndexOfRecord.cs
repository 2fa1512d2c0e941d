using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Search.Format;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archivist.Search.Indexing;

/// <summary>
/// The search index of record: a Lucene 4.8 index of the archive (Luke or any Lucene 4.8 reader opens it), kept in
/// the build cache (<see cref="FolderName"/> under <see cref="SearchIndexOptions.CacheDirectory"/>; without a cache, in
/// memory). One document per post (<see cref="PostAnalyzer"/>): its URL as key (<see cref="IdField"/>), a digest of its
/// content, the metadata the browser shows, the title, body and comments fields with archive-wide positions, and each
/// field's exact length as doc values (Lucene's norms keep a length in one lossy byte; BM25 here needs the count).
/// The browser's files are an export of it (<see cref="IndexExport"/>).
/// </summary>
/// <remarks>
/// A build updates it in place: only posts that are new or whose digest changed are analysed
/// (<c>UpdateDocument</c> by URL), removed posts are deleted (<c>DeleteDocuments</c>), and the segments the change did
/// not touch stay as they are. A first build adds every post on all cores without merging (Lucene's merges would only
/// rewrite what the export reads once); later builds merge neighbouring segments only. An index that cannot be read, or
/// was written by another analysis, is built again from the posts.
/// </remarks>
public sealed class IndexOfRecord : IDisposable
{
    public const string FolderName = "lucene";
    public const string IdField = "id";
    public const string DigestField = "digest";
    public const string MetaField = "meta";

    /// <summary>Bump when the analysis or the documents' layout changes: an index with another version is built again.</summary>
    public const string Version = "archivist-index-2"; // 2: stored metadata carries the estimated-date flag

    private const string VersionKey = "archivist";

    /// <summary>The passage fields in reading order (<see cref="Scoring.SearchField"/>).</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["title", "body", "comments"];

    /// <summary>Each passage field's exact length in tokens (stacked forms not counted), as numeric doc values.</summary>
    public static IReadOnlyList<string> LengthFields { get; } = ["title.length", "body.length", "comments.length"];

    /// <summary>Terms with frequencies and positions; no norms (lengths are doc values), no term vectors, not stored.</summary>
    public static FieldType TextField { get; } = Freeze(new FieldType
    {
        IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    private readonly string? _folder;
    private readonly List<string> _notes;
    private LuceneDirectory _directory;
    private DirectoryReader? _reader;
    private Task<(Dictionary<string, string> Known, HashSet<string> Older)>? _readAhead;

    private IndexOfRecord(string? folder, List<string> notes)
    {
        _folder = folder;
        _notes = notes;
        _directory = OpenDirectory();
    }

    /// <summary>The index in <paramref name="cacheDirectory"/> (in memory when null); notes about it go to <paramref name="notes"/>.</summary>
    public static IndexOfRecord Open(string? cacheDirectory, List<string> notes)
    {
        if (cacheDirectory is not null) ForgetAnalysisCache(cacheDirectory);
        return new(cacheDirectory is null ? null : Path.Combine(cacheDirectory, FolderName), notes);
    }

    /// <summary>Removes the analysis pack earlier versions kept beside the index (tens of megabytes nothing reads any more).</summary>
    private static void ForgetAnalysisCache(string cacheDirectory)
    {
        try
        {
            File.Delete(Path.Combine(cacheDirectory, "analyses.bin"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Notes about the index (rebuilt, another version's), for the build's report.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// Starts reading which posts the index holds (their URLs and digests) on the thread pool, for the next
    /// <see cref="Update"/>: it needs no post, so a build can have it done on the other core while it reads the seeds.
    /// At 10,000 posts it is the first 0.1 s of an update, most of it Lucene's first use in the process.
    /// </summary>
    public void ReadAhead()
    {
        if (_readAhead is null && _reader is null) _readAhead = Task.Run(Known);
    }

    /// <summary>What <see cref="ReadAhead"/> read (its failure thrown here, as <see cref="Known"/>'s own), or a fresh read.</summary>
    private (Dictionary<string, string> Known, HashSet<string> Older) TakeKnown()
    {
        var ahead = _readAhead;
        _readAhead = null;
        return ahead is null ? Known() : ahead.GetAwaiter().GetResult();
    }

    /// <summary>Waits for a read ahead nobody took (its result or failure no longer matters) before the index is closed or cleared.</summary>
    private void ForgetReadAhead()
    {
        var ahead = _readAhead;
        _readAhead = null;
        try
        {
            ahead?.Wait();
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>The index as of the last <see cref="Update"/>.</summary>
    public DirectoryReader Reader => _reader ?? throw new InvalidOperationException("the index has not been updated");

    /// <summary>
    /// Whether <see cref="Reader"/>'s segment <paramref name="leaf"/> was there before the last <see cref="Update"/>: one
    /// the update wrote was checksummed as Lucene wrote it, so only the others need checking before they are read.
    /// </summary>
    public bool IsOlder(AtomicReader leaf) => leaf is SegmentReader segment && _older.Contains(segment.SegmentName);

    private HashSet<string> _older = [];

    // Each segment's post ids by doc id, by segment name: read once a build, by the read ahead, and for the segments an
    // update wrote, afterwards. A segment's documents never change (deletions only mark them); names are never reused
    // in an index, and the remembered ids are forgotten with a discarded index.
    private readonly Dictionary<string, string[]> _ids = new(StringComparer.Ordinal);

    private string[] IdsOf(AtomicReader leaf)
    {
        if (leaf is not SegmentReader segment) return IndexedDocuments.ReadIds(leaf);
        lock (_ids)
        {
            if (_ids.TryGetValue(segment.SegmentName, out var ids)) return ids;
        }
        var read = IndexedDocuments.ReadIds(leaf);
        lock (_ids) _ids[segment.SegmentName] = read;
        return read;
    }

    /// <summary>Where <see cref="Reader"/> holds each of <paramref name="documents"/> (every post, and no other: else it throws).</summary>
    public IndexedDocuments Documents(IReadOnlyList<Post> documents) => IndexedDocuments.Read(Reader, documents, IdsOf);

    /// <summary>Where the index lives on disk, or null when it is in memory.</summary>
    public string? Folder => _folder;

    /// <summary>
    /// Brings the index up to <paramref name="documents"/>: analyses and adds what is new or changed, deletes what is
    /// gone, commits, and opens a reader. Returns the metadata of the posts it analysed (by URL), their fragments when
    /// <paramref name="fragments"/> is set, and how many posts it analysed.
    /// </summary>
    /// <param name="documents">The posts in export order.</param>
    /// <param name="texts">Where the texts of the posts analysed are read.</param>
    /// <param name="fragments">Whether to write the analysed posts' fragments.</param>
    /// <param name="tailFrom">
    /// Where the export's tail starts: a first build puts the posts from there on in segments of their own, so that a
    /// later build exporting only the tail reads (and checks) those small segments, not the archive's.
    /// </param>
    public (IReadOnlyDictionary<string, DocumentMeta> Metas, IReadOnlyDictionary<string, byte[]> Fragments, int Analysed) Update(
        IReadOnlyList<Post> documents, PostTexts texts, bool fragments, int tailFrom)
    {
        _reader?.Dispose();
        _reader = null;
        (var known, _older) = TakeKnown();
        var cold = known.Count == 0;
        var changed = new List<Post>();
        var urls = new HashSet<string>(documents.Count, StringComparer.Ordinal);
        foreach (var post in documents)
        {
            urls.Add(post.Url);
            if (!known.TryGetValue(post.Url, out var digest) || digest != post.ContentDigest) changed.Add(post);
        }
        var removed = known.Keys.Where(url => !urls.Contains(url)).Order(StringComparer.Ordinal).ToList();

        var written = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var metas = new System.Collections.Concurrent.ConcurrentDictionary<string, DocumentMeta>(StringComparer.Ordinal);
        if (changed.Count > 0 || removed.Count > 0 || cold)
        {
            var config = new IndexWriterConfig(ArchivistAnalyzer.Version, null)
            {
                OpenMode = cold ? OpenMode.CREATE : OpenMode.APPEND,
                // A cold build writes each thread's segments once and never merges them: the export reads every
                // segment once, and merging would cost about as much again. A large buffer makes those segments few
                // (at 10,000 posts a handful), so the export merges few term lists.
                MergePolicy = cold ? NoMergePolicy.NO_COMPOUND_FILES : SmallSegmentsOnly(),
                UseCompoundFile = !cold,
                RAMBufferSizeMB = 128,
            };
            using var writer = new IndexWriter(_directory, config);
            foreach (var url in removed) writer.DeleteDocuments(new Term(IdField, url));
            var analyzers = new System.Collections.Concurrent.ConcurrentBag<PostAnalyzer>(); // their memos outlive a phase
            if (cold)
            {
                AddAll(writer, changed.Take(tailFrom).ToList(), texts, cold, metas, fragments ? written : null, analyzers);
                writer.Commit(); // flushes the main posts' segments: the tail's go into others
                AddAll(writer, changed.Skip(tailFrom).ToList(), texts, cold, metas, fragments ? written : null, analyzers);
            }
            else AddAll(writer, changed, texts, cold, metas, fragments ? written : null, analyzers);
            writer.SetCommitData(new Dictionary<string, string> { [VersionKey] = Version });
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        return (metas, written, changed.Count);
    }

    /// <summary>
    /// Later builds add a few posts each: their small segments are merged with their neighbours (never across the
    /// archive's order of additions), ten at a time, but a segment of the first build (or one grown to its size) is
    /// never rewritten, so a one-seed build never pays for merging the archive.
    /// </summary>
    private static LogDocMergePolicy SmallSegmentsOnly() => new() { MaxMergeDocs = MaxMergedDocuments };

    /// <summary>Documents beyond which a segment is left as it is (<see cref="SmallSegmentsOnly"/>).</summary>
    private const int MaxMergedDocuments = 512;

    /// <summary>Analyses <paramref name="posts"/> on every core, each thread adding (or replacing) documents as it goes.</summary>
    private static void AddAll(IndexWriter writer, IReadOnlyList<Post> posts, PostTexts texts, bool cold, System.Collections.Concurrent.ConcurrentDictionary<string, DocumentMeta> metas,
        System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>? fragments, System.Collections.Concurrent.ConcurrentBag<PostAnalyzer> analyzers)
    {
        var next = -1;
        Exception? failure = null;
        void Work()
        {
            var analyzer = analyzers.TryTake(out var pooled) ? pooled : new PostAnalyzer();
            var fragment = fragments is null ? null : new Format.DocumentFragmentWriter();
            try
            {
                for (int i; (i = Interlocked.Increment(ref next)) < posts.Count && failure is null;)
                {
                    var post = posts[i];
                    var document = analyzer.Analyze(post, texts.Of(post), fragment);
                    if (cold) writer.AddDocument(document.Document);
                    else writer.UpdateDocument(new Term(IdField, post.Url), document.Document);
                    metas[post.Url] = document.Meta;
                    if (document.Fragment is { } bytes) fragments![post.Url] = bytes;
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
            finally
            {
                analyzers.Add(analyzer);
            }
        }
        Workers.Run(Math.Max(1, Math.Min(Environment.ProcessorCount, posts.Count)), Work);
        if (failure is not null) throw new InvalidOperationException($"indexing a post failed: {failure.Message}", failure);
    }

    /// <summary>
    /// Every post the index holds, by URL, with the digest it was indexed from. Empty when there is no index or it is
    /// another version's; a damaged index throws (see <see cref="Discard"/>).
    /// </summary>
    private (Dictionary<string, string> Known, HashSet<string> Older) Known()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var older = new HashSet<string>(StringComparer.Ordinal);
        if (!DirectoryReader.IndexExists(_directory)) return (known, older);
        using var reader = DirectoryReader.Open(_directory);
        if (!reader.IndexCommit.UserData.TryGetValue(VersionKey, out var version) || version != Version)
        {
            lock (_notes) _notes.Add($"the search index in '{_folder}' was written by another version; building it again");
            return (known, older);
        }
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader; // (checksums are verified where the export reads a segment)
            if (atomic is SegmentReader segment) older.Add(segment.SegmentName);
            var ids = IdsOf(atomic);
            var digests = atomic.GetBinaryDocValues(DigestField);
            var live = atomic.LiveDocs;
            var bytes = new BytesRef();
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                digests.Get(doc, bytes);
                known[ids[doc]] = bytes.Utf8ToString();
            }
        }
        return (known, older);
    }

    /// <summary>Throws away an index that could not be read (a note says so), so that <see cref="Update"/> builds it again.</summary>
    public void Discard(Exception reason)
    {
        ForgetReadAhead();
        _notes.Add($"the search index in '{_folder ?? "memory"}' could not be read ({reason.GetType().Name}: {reason.Message}); building it again from the posts");
        _reader?.Dispose();
        _reader = null;
        lock (_ids) _ids.Clear();
        _directory.Dispose();
        if (_folder is not null && System.IO.Directory.Exists(_folder))
        {
            foreach (var file in System.IO.Directory.GetFiles(_folder)) File.Delete(file); // only Lucene's files live here
        }
        _directory = OpenDirectory();
    }

    public void Dispose()
    {
        ForgetReadAhead();
        _reader?.Dispose();
        _directory.Dispose();
    }

    private LuceneDirectory OpenDirectory()
    {
        if (_folder is null) return new RAMDirectory();
        System.IO.Directory.CreateDirectory(_folder);
        return new UnsyncedDirectory(new DirectoryInfo(_folder));
    }

    /// <summary>
    /// Lucene's directory without its fsync of every new file at commit: the index of record is a cache that a build
    /// can always make again, and an index torn by a crash fails its checksums (or cannot be opened) and is built again.
    /// Syncing cost a one-seed rebuild at 10,000 posts more wall time than everything else it does.
    /// </summary>
    private sealed class UnsyncedDirectory(DirectoryInfo folder) : MMapDirectory(folder)
    {
        public override void Sync(ICollection<string> names)
        {
        }
    }

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
