using System.Globalization;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// All files of one index build, with figures about them, and (when the index has a main segment) what a
/// later build needs to keep that segment's files.
/// </summary>
public sealed record IndexBuild(IReadOnlyList<IndexFile> Files, SearchIndexResult Result, MainSegmentState? Main = null);

/// <summary>
/// Builds the browser's index files: brings the index of record (<see cref="IndexOfRecord"/>, Lucene) up to the
/// posts, then exports it (<see cref="IndexExport"/>) into term entries, shards, dictionary pages, metadata chunks and
/// the entry file. The same posts and options give the same bytes, however Lucene laid out its segments, which is
/// what lets an unchanged file keep its content-hashed name.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>The whole index (the index of record is updated, or built in memory without a cache directory).</summary>
    public static IndexBuild Build(IReadOnlyList<Post> posts, SearchIndexOptions options) => Build(posts, PostTexts.Carried, options, null, _ => false);

    /// <param name="posts">The archive's posts.</param>
    /// <param name="texts">Where the posts' texts are read: only those of posts analysed or exported again are.</param>
    /// <param name="options">Index settings; with a cache directory, the index of record lives there between builds.</param>
    /// <param name="main">
    /// Reads what the last build wrote for the main segment (null: nothing), once the index of record is updated: the
    /// state is half a megabyte of JSON at 10,000 posts, and the related posts need none of it.
    /// </param>
    /// <param name="keep">
    /// Keeps one of the main segment's files in the site, or says it cannot (gone or edited). When the main segment still
    /// holds (its posts, their order, the settings and the archive-wide average lengths are unchanged) only the tail is
    /// exported: <see cref="IndexBuild.Files"/> are then the tail's files and the entry file, and the site ends up
    /// byte-identical to a full export.
    /// </param>
    /// <param name="updated">
    /// Reads the index of record once it holds the posts, beside the export (related posts); called again if the index
    /// turns out damaged and is built again.
    /// </param>
    /// <param name="opened">
    /// The index of record in <paramref name="options"/>' cache directory, opened by the caller (who disposes of it) to
    /// have it <see cref="IndexOfRecord.ReadAhead"/>; null: opened and closed here.
    /// </param>
    public static IndexBuild Build(IReadOnlyList<Post> posts, PostTexts texts, SearchIndexOptions options, Func<MainSegmentState?>? main, Func<string, bool> keep,
        Action<IndexedDocuments, IReadOnlyList<Post>>? updated = null, IndexOfRecord? opened = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = DocumentOrder.Assign(posts);
        using var owned = opened is null ? IndexOfRecord.Open(options.CacheDirectory, []) : null;
        var index = opened ?? owned!;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var tailFrom = KeepsMainSegment(options) ? documents.Count - documents.Count % options.TailSpan : documents.Count;
                var (metas, fragments, analysed) = index.Update(documents, texts, options.Fragments, tailFrom);
                var indexed = index.Documents(documents);
                // Whoever reads the updated index (related posts) reads it beside the export, not before it: on a thread of
                // its own, as the pages that wait for it would otherwise wait for the thread pool, busy rendering the others.
                var reading = updated is null ? Task.CompletedTask
                    : Task.Factory.StartNew(() => updated(indexed, documents), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                IndexBuild build;
                try
                {
                    build = Export(index, indexed, documents, texts, options, main?.Invoke(), keep, metas, fragments, clock);
                }
                catch
                {
                    try { reading.Wait(); } catch (AggregateException) { } // the reader must outlive it (a damaged index is discarded next)
                    throw;
                }
                reading.GetAwaiter().GetResult();
                return build with { Result = build.Result with { AnalysedDocuments = analysed, Notes = [.. index.Notes] } };
            }
            catch (Lucene.Net.Store.LockObtainFailedException e)
            {
                // Another build writes the same cache: its index is not damaged, and must not be thrown away.
                throw new IOException($"the search index in '{index.Folder}' is in use by another build ({e.Message})", e);
            }
            catch (Exception e) when (attempt == 0 && index.Folder is not null && e is not (OutOfMemoryException or OperationCanceledException))
            {
                index.Discard(e); // a damaged index of record is built again from the posts, once
            }
        }
    }

    /// <summary>Whether these settings allow keeping a main segment: there is a tail, and it starts on a metadata chunk.</summary>
    private static bool KeepsMainSegment(SearchIndexOptions options) =>
        options.TailSpan > 0 && options.MetaChunkSize > 0 && options.TailSpan % options.MetaChunkSize == 0;

    private static IndexBuild Export(IndexOfRecord index, IndexedDocuments indexed, IReadOnlyList<Post> documents, PostTexts texts, SearchIndexOptions options, MainSegmentState? main,
        Func<string, bool> keep, IReadOnlyDictionary<string, DocumentMeta> analysedMetas, IReadOnlyDictionary<string, byte[]> analysedFragments,
        System.Diagnostics.Stopwatch clock)
    {
        var bounds = Segments(documents.Count, options.TailSpan);
        var keepMain = main is not null && KeepsMainSegment(options) && main.Settings == MainSegmentState.SettingsOf(options) && bounds.Count > 0
                       && bounds[0].From == 0 && bounds[0].To == main.To && MainSegmentState.InputsOf(documents, main.To) == main.Inputs;
        var export = new IndexExport(indexed, documents, keepMain ? main!.To : 0, index.IsOlder);
        var averages = FieldLengths.AveragesOf(export.Lengths);
        // Every stored impact uses the averages; kept files are content-named, so a full export would write the same bytes there.
        if (keepMain && (averages != new FieldLengths(main!.Averages[0], main.Averages[1], main.Averages[2]) || !main.Files.All(keep)))
        {
            keepMain = false;
            export = new IndexExport(indexed, documents, 0, index.IsOlder);
        }
        var from = export.From;
        var updated = clock.Elapsed.TotalSeconds;

        var exported = bounds.Skip(keepMain ? 1 : 0).ToList();
        var terms = Encode(export, new Bm25FImpact(options.Scoring, averages), exported, new TermEncodingPolicy(options.TopImpacts, options.PositionBytes));
        var encoded = clock.Elapsed.TotalSeconds;

        var files = new List<IndexFile>();
        var segments = WriteSegments(terms, exported, options, files);
        var metas = export.Metas(analysedMetas);
        if (options.Fragments) AddFragments(segments, Fragments(documents, texts, from, metas, analysedFragments), from, files);
        var filesBeforeMeta = files.Count;
        var meta = (keepMain ? main!.MetaHashes : "") + MetaChunks(metas, options.MetaChunkSize, files);

        MainSegmentState? state = null;
        var mainTo = documents.Count - documents.Count % Math.Max(1, options.TailSpan);
        if (!keepMain && options.CacheDirectory is not null && KeepsMainSegment(options) && bounds.Count > 0 && bounds[0] == (0, mainTo))
        {
            var mainSegment = segments[0];
            var mainFiles = mainSegment.Files.Concat(files.Skip(filesBeforeMeta).Take(mainTo / options.MetaChunkSize)).ToList();
            var sums = FieldLengths.Sum(export.Lengths.AsSpan(0, mainTo));
            state = new MainSegmentState(
                MainSegmentState.SettingsOf(options), mainTo, MainSegmentState.InputsOf(documents, mainTo),
                [sums.Title, sums.Body, sums.Comments], [averages.Title, averages.Body, averages.Comments],
                mainSegment.Ref, [.. mainFiles.Select(f => f.Path)], meta[..(mainTo / options.MetaChunkSize * IndexFiles.HashLength)],
                [.. terms.Where(t => t.Entries[0] is not null).Select(t => t.Term)], mainSegment.ShardCount,
                LargestShard(mainSegment.Files), mainFiles.Sum(f => (long)f.Content.Length));
        }
        files.Add(EntryFile(documents, [.. (keepMain ? [main!.Segment] : Array.Empty<SegmentRef>()), .. segments.Select(s => s.Ref)], meta, options));

        var result = keepMain
            ? new SearchIndexResult(documents.Count, main!.Files.Count + files.Count, main.Bytes + files.Sum(f => (long)f.Content.Length))
            {
                Terms = main.Terms.Count + CountNotIn(main.Terms, terms),
                Shards = main.Shards + segments.Sum(s => s.ShardCount),
                LargestShard = Math.Max(main.LargestShard, LargestShard(files)),
                KeptDocuments = main.To,
            }
            : new SearchIndexResult(documents.Count, files.Count, files.Sum(f => (long)f.Content.Length))
            {
                Terms = terms.Count, Shards = segments.Sum(s => s.ShardCount), LargestShard = LargestShard(files),
            };
        return new IndexBuild(files, result with { Seconds = (updated, encoded - updated, clock.Elapsed.TotalSeconds - encoded) }, state);
    }

    /// <summary>
    /// How many of <paramref name="terms"/> the main segment's terms do not hold. They are saved in ordinal order, so each
    /// is found by binary search (a set of tens of thousands of terms was a megabyte built for one figure); a list out of
    /// order (a state file edited by hand) is put in a set.
    /// </summary>
    private static int CountNotIn(IReadOnlyList<string> mainTerms, List<EncodedTerm> terms)
    {
        for (var i = 1; i < mainTerms.Count; i++)
        {
            if (string.CompareOrdinal(mainTerms[i - 1], mainTerms[i]) < 0) continue;
            var set = new HashSet<string>(mainTerms, StringComparer.Ordinal);
            return terms.Count(t => !set.Contains(t.Term));
        }
        var count = 0;
        foreach (var term in terms)
        {
            var (low, high) = (0, mainTerms.Count - 1);
            while (low <= high)
            {
                var middle = low + (high - low) / 2;
                var order = string.CompareOrdinal(mainTerms[middle], term.Term);
                if (order == 0) break;
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            if (low > high) count++;
        }
        return count;
    }

    private static int LargestShard(IEnumerable<IndexFile> files) =>
        files.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal)).Select(f => f.Content.Length).DefaultIfEmpty().Max();

    /// <summary>
    /// The fragments of documents [<paramref name="from"/>, end): those this build analysed come with the analysis, the
    /// others are written from their post's text again (the index of record holds no text).
    /// </summary>
    private static List<byte[]> Fragments(IReadOnlyList<Post> documents, PostTexts texts, int from, List<DocumentMeta> metas, IReadOnlyDictionary<string, byte[]> analysed)
    {
        var fragments = new byte[documents.Count - from][];
        Parallel.For(0, fragments.Length, () => (new PostAnalyzer(), new DocumentFragmentWriter()), (i, _, local) =>
        {
            var post = documents[from + i];
            fragments[i] = analysed.TryGetValue(post.Url, out var bytes) ? bytes : local.Item1.Fragment(post, texts.Of(post), metas[i], local.Item2);
            return local;
        }, _ => { });
        return [.. fragments];
    }

    /// <summary>
    /// Doc-id ranges of the segments: the main one up to the largest multiple of <paramref name="span"/>, the tail
    /// after it; either is left out when empty.
    /// </summary>
    public static IReadOnlyList<(int From, int To)> Segments(int documents, int span)
    {
        var main = span <= 0 ? documents : documents - documents % span;
        var segments = new List<(int, int)>();
        if (main > 0) segments.Add((0, main));
        if (documents > main) segments.Add((main, documents));
        return segments;
    }

    /// <summary>A term's entries in each exported segment (null where it has no document), encoded on a worker.</summary>
    private sealed class EncodedTerm(TermPostings postings)
    {
        private TermPostings? _postings = postings;

        public string Term { get; } = postings.Term;
        public byte[]?[] Entries { get; private set; } = [];
        public int[] Dfs { get; private set; } = [];

        public void Encode(IReadOnlyList<(int From, int To)> bounds, TermEncodingPolicy policy)
        {
            var entries = new byte[]?[bounds.Count];
            var dfs = new int[bounds.Count];
            for (var s = 0; s < bounds.Count; s++)
            {
                if (_postings!.Slice(bounds[s].From, bounds[s].To) is not { } slice) continue;
                dfs[s] = slice.Docs.Length;
                entries[s] = TermEntryCodec.Encode(slice, policy);
            }
            (Entries, Dfs, _postings) = (entries, dfs, null); // the postings die young: only the entries live on
        }
    }

    /// <summary>
    /// Walks the index of record and encodes the exported terms' entries on every core: each worker takes the next range
    /// of terms (<see cref="IndexExport.TermRanges"/>), walks it with enumerators of its own and encodes as it goes. (One
    /// walk feeding encoders left a core idle for most of a 10,000-post export: the walk was the slower half.)
    /// </summary>
    private static List<EncodedTerm> Encode(IndexExport export, Bm25FImpact impact, IReadOnlyList<(int From, int To)> bounds, TermEncodingPolicy policy)
    {
        var ranges = IndexExport.TermRanges;
        var encoded = new List<EncodedTerm>[ranges.Count];
        var next = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                var walk = new IndexExport.Walk();
                for (int r; failure is null && (r = Interlocked.Increment(ref next)) < ranges.Count;)
                {
                    var terms = new List<EncodedTerm>();
                    foreach (var postings in export.Postings(impact, ranges[r], walk))
                    {
                        var term = new EncodedTerm(postings);
                        term.Encode(bounds, policy);
                        terms.Add(term);
                    }
                    encoded[r] = terms;
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        Workers.Run(Math.Max(1, Environment.ProcessorCount), Work);
        // As thrown: a damaged segment's error is what the note about rebuilding the index names.
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return [.. encoded.SelectMany(terms => terms!)];
    }

    /// <summary>
    /// Each segment's fragment files (<paramref name="fragments"/>[i] is document <paramref name="first"/> + i), in a
    /// folder named by a hash over them all: the segment's entry in index.json then names it.
    /// </summary>
    private static void AddFragments(List<EncodedSegment> segments, List<byte[]> fragments, int first, List<IndexFile> files)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        for (var s = 0; s < segments.Count; s++)
        {
            var (from, to) = (segments[s].Ref.From, segments[s].Ref.To);
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            for (var doc = from; doc < to; doc++)
            {
                BitConverter.TryWriteBytes(length, fragments[doc - first].Length); // length-prefixed: no two sequences hash alike
                hash.AppendData(length);
                hash.AppendData(fragments[doc - first]);
            }
            var tag = Convert.ToHexStringLower(hash.GetHashAndReset())[..IndexFiles.HashLength];
            for (var doc = from; doc < to; doc++)
            {
                var file = new IndexFile(IndexFiles.Fragment(tag, doc - from), fragments[doc - first]);
                segments[s].Files.Add(file);
                files.Add(file);
            }
            segments[s] = segments[s] with { Ref = segments[s].Ref with { Fragments = tag } };
        }
    }

    /// <summary>One written segment: its entry in index.json, its files, and its number of shards.</summary>
    private sealed record EncodedSegment(SegmentRef Ref, List<IndexFile> Files, int ShardCount);

    private static List<EncodedSegment> WriteSegments(List<EncodedTerm> terms, IReadOnlyList<(int From, int To)> bounds, SearchIndexOptions options, List<IndexFile> files)
    {
        var segments = new List<EncodedSegment>();
        for (var s = 0; s < bounds.Count; s++)
        {
            var segmentFiles = new List<IndexFile>();
            var held = terms.Where(t => t.Entries[s] is not null).ToList();
            var segmentTerms = held.Select(t => t.Term).ToList();
            var segmentEntries = held.Select(t => t.Entries[s]!).ToList();
            var shards = ShardPlanner.Plan(segmentTerms, segmentEntries, options.ShardBytes);
            var shardRefs = new List<ShardRef>(shards.Count);
            var hashes = new System.Text.StringBuilder(shards.Count * IndexFiles.HashLength);
            foreach (var shard in shards)
            {
                var bytes = ShardCodec.Encode([.. Enumerable.Range(shard.First, shard.Count).Select(i => (segmentTerms[i], segmentEntries[i]))]);
                var hash = FileNameHash.Of(bytes);
                var file = IndexFiles.Shard(hash);
                segmentFiles.Add(new IndexFile(file, bytes));
                shardRefs.Add(new ShardRef(file, shard.Count));
                hashes.Append(hash);
            }
            var pages = DictionaryPages(segmentTerms, [.. held.Select(t => t.Dfs[s])], shards, shardRefs, options.PageTerms, segmentFiles);
            var table = JsonSerializer.SerializeToUtf8Bytes(new ShardTable([.. shards.Select(r => segmentTerms[r.First])], hashes.ToString()), IndexFiles.Json);
            var tableFile = IndexFiles.ShardTable(FileNameHash.Of(table));
            segmentFiles.Add(new IndexFile(tableFile, table));
            segments.Add(new EncodedSegment(new SegmentRef(bounds[s].From, bounds[s].To, pages, tableFile), segmentFiles, shards.Count));
            files.AddRange(segmentFiles);
        }
        return segments;
    }

    private static IndexFile EntryFile(IReadOnlyList<Post> documents, List<SegmentRef> segments, string meta, SearchIndexOptions options)
    {
        var entry = new IndexEntryFile(
            Format: IndexFiles.FormatVersion,
            Documents: documents.Count,
            IdfScale: Idf.Scale,
            TopImpacts: options.TopImpacts,
            Segments: segments,
            MetaChunkSize: options.MetaChunkSize,
            Meta: meta,
            FirstDated: documents.TakeWhile(p => p.Date is null).Count(),
            Years: Years(documents));
        return new IndexFile(IndexFiles.Entry, JsonSerializer.SerializeToUtf8Bytes(entry, IndexFiles.Json));
    }

    /// <summary>
    /// Groups whole shards into dictionary pages of about <paramref name="pageTerms"/> terms, cut where a shard's
    /// first term is a boundary (as <see cref="ShardPlanner"/> does), so pages too survive a local change.
    /// </summary>
    private static List<PageRef> DictionaryPages(IReadOnlyList<string> terms, int[] dfs, IReadOnlyList<ShardPlanner.Range> shards,
        List<ShardRef> shardRefs, int pageTerms, List<IndexFile> files)
    {
        var pages = new List<PageRef>();
        var s = 0;
        while (s < shards.Count)
        {
            var end = s;
            var count = 0;
            while (end < shards.Count && (count == 0 || count + shards[end].Count <= pageTerms)
                   && !(count >= pageTerms / 2 && ShardPlanner.IsBoundary(terms[shards[end].First])))
                count += shards[end++].Count;
            var first = shards[s].First;
            var page = new DictionaryPage(terms.Skip(first).Take(count).ToList(), dfs[first..(first + count)], shardRefs[s..end]);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(page, IndexFiles.Json);
            var file = IndexFiles.DictionaryPage(FileNameHash.Of(bytes));
            files.Add(new IndexFile(file, bytes));
            pages.Add(new PageRef(pages.Count == 0 ? "" : terms[first], file));
            s = end;
        }
        return pages;
    }

    /// <summary>Metadata chunks of consecutive documents, from a multiple of the chunk size on; returns their hashes.</summary>
    private static string MetaChunks(List<DocumentMeta> metas, int size, List<IndexFile> files)
    {
        var hashes = new System.Text.StringBuilder();
        for (var start = 0; start < metas.Count; start += size)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(metas.GetRange(start, Math.Min(size, metas.Count - start)), IndexFiles.Json);
            var hash = FileNameHash.Of(bytes);
            files.Add(new IndexFile(IndexFiles.MetaChunk(hash), bytes));
            hashes.Append(hash);
        }
        return hashes.ToString();
    }

    private static List<YearRange> Years(IReadOnlyList<Post> documents)
    {
        var years = new List<YearRange>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].Date is not { } date) continue;
            if (years.Count > 0 && years[^1].Year == date.Year) years[^1] = years[^1] with { To = i + 1 };
            else years.Add(new YearRange(date.Year, i, i + 1));
        }
        return years;
    }
}
