using System.Globalization;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// All files of one index build, with figures about them, and (when the index has a main segment) what a
/// later build needs to keep that segment without analysing its posts again.
/// </summary>
public sealed record IndexBuild(IReadOnlyList<IndexFile> Files, SearchIndexResult Result, MainSegmentState? Main = null);

/// <summary>
/// Builds the whole index in memory: posts → analyses (all cores) → inverted index → term entries →
/// shards, dictionary pages, metadata chunks and the entry file. Pure: the same posts and options give
/// the same bytes, which is what lets an unchanged file keep its content-hashed name.
/// </summary>
public static class SearchIndexBuilder
{
    /// <param name="posts">The archive's posts.</param>
    /// <param name="options">Index settings; with a cache directory, analyses are cached there.</param>
    /// <param name="cacheMainSegment">
    /// Whether to cache the main segment's analyses too, not only the tail's. A later build keeps the main segment
    /// without them (see <see cref="MainSegmentState"/>) and re-reads only the tail; they pay off only when the main
    /// segment must be built again, which a first build cannot foresee but a rebuild of a kept segment shows.
    /// </param>
    public static IndexBuild Build(IReadOnlyList<Post> posts, SearchIndexOptions options, bool cacheMainSegment = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = DocumentOrder.Assign(posts);
        using var cache = options.CacheDirectory is { } dir ? new AnalysisCache(dir) : null;
        var table = new TermTable();
        var analyses = new DocumentAnalyses(cache, table, options.Fragments);
        var cacheFrom = cacheMainSegment || !KeepsMainSegment(options) ? 0 : documents.Count - documents.Count % options.TailSpan; // where the tail starts
        var (accumulator, metas, fragments) = Accumulate(documents, 0, analyses, table, cacheFrom);
        cache?.Save(keepUnread: false); // every post went through the cache: the new pack holds exactly this archive

        var analysed = clock.Elapsed.TotalSeconds;
        var averages = accumulator.Averages();
        var bounds = Segments(documents.Count, options.TailSpan);
        var terms = accumulator.SortedTerms();
        var files = new List<IndexFile>();
        var segments = EncodeSegments(accumulator, terms, bounds, averages, options, files, out var encodedAt);
        AddFragments(segments, fragments, 0, files);
        var encoded = analysed + encodedAt;

        var filesBeforeMeta = files.Count;
        var meta = MetaChunks(metas, options.MetaChunkSize, files);
        MainSegmentState? main = null;
        if (options.CacheDirectory is not null && KeepsMainSegment(options) && bounds.Count > 0 && bounds[0].From == 0
            && bounds[0].To == documents.Count - documents.Count % options.TailSpan)
        {
            var mainSegment = segments[0];
            var mainTo = mainSegment.Ref.To;
            var mainFiles = mainSegment.Files.Concat(files.Skip(filesBeforeMeta).Take(mainTo / options.MetaChunkSize)).ToList();
            var sums = accumulator.SumsBelow(mainTo);
            main = new MainSegmentState(
                MainSegmentState.SettingsOf(options), mainTo, MainSegmentState.InputsOf(documents, mainTo),
                [sums.Title, sums.Body, sums.Comments], [averages.Title, averages.Body, averages.Comments],
                mainSegment.Ref, [.. mainFiles.Select(f => f.Path)], meta[..(mainTo / options.MetaChunkSize * IndexFiles.HashLength)],
                [.. terms.Where((_, i) => mainSegment.Held[i])], mainSegment.ShardCount,
                mainSegment.Files.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal)).Select(f => f.Content.Length).DefaultIfEmpty().Max(),
                mainFiles.Sum(f => (long)f.Content.Length));
        }
        files.Add(EntryFile(documents, segments.Select(s => s.Ref).ToList(), meta, options));

        var result = new SearchIndexResult(documents.Count, files.Count, files.Sum(f => (long)f.Content.Length))
        {
            Terms = terms.Count,
            Shards = segments.Sum(s => s.ShardCount),
            LargestShard = files.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal)).Select(f => f.Content.Length).DefaultIfEmpty().Max(),
            CachedDocuments = analyses.CachedDocuments,
            Seconds = (analysed, encoded - analysed, clock.Elapsed.TotalSeconds - encoded),
        };
        return new IndexBuild(files, result, main);
    }

    /// <summary>Whether these settings allow keeping a main segment: there is a tail, and it starts on a metadata chunk.</summary>
    private static bool KeepsMainSegment(SearchIndexOptions options) =>
        options.TailSpan > 0 && options.MetaChunkSize > 0 && options.TailSpan % options.MetaChunkSize == 0;

    /// <summary>
    /// The index when the last build's main segment still holds: its posts, their order and the settings are
    /// unchanged, and the archive-wide average lengths (which every stored impact uses) did not move. Only the
    /// tail's posts are analysed; the main segment's files are kept through <paramref name="keep"/> (false when
    /// one is gone or edited). Returns null when the main segment cannot be kept: build everything then. The
    /// files given are exactly the tail's and the entry file; the result is byte-identical to a full build.
    /// </summary>
    public static IndexBuild? BuildOnto(IReadOnlyList<Post> posts, SearchIndexOptions options, MainSegmentState main, Func<string, bool> keep)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = DocumentOrder.Assign(posts);
        var bounds = Segments(documents.Count, options.TailSpan);
        if (!KeepsMainSegment(options) || main.Settings != MainSegmentState.SettingsOf(options) || bounds.Count == 0 || bounds[0].From != 0
            || bounds[0].To != main.To || MainSegmentState.InputsOf(documents, main.To) != main.Inputs)
            return null;

        using var cache = options.CacheDirectory is { } dir ? new AnalysisCache(dir) : null;
        var table = new TermTable();
        var analyses = new DocumentAnalyses(cache, table, options.Fragments);
        var (tail, metas, fragments) = Accumulate(documents, main.To, analyses, table);
        // Saved even if the main segment turns out not to hold: the full build that follows then reads the tail too.
        cache?.Save(keepUnread: true);
        var tailSums = tail.Sums();
        var sums = new FieldLengths(main.LengthSums[0] + tailSums.Title, main.LengthSums[1] + tailSums.Body, main.LengthSums[2] + tailSums.Comments);
        var averages = PostingsAccumulator.AveragesOf(sums, documents.Count);
        if (averages != new FieldLengths(main.Averages[0], main.Averages[1], main.Averages[2])) return null;
        if (!main.Files.All(keep)) return null; // kept files are content-named: a full build would write the same bytes there

        var analysed = clock.Elapsed.TotalSeconds;
        var terms = tail.SortedTerms();
        var files = new List<IndexFile>();
        var segments = EncodeSegments(tail, terms, bounds.Skip(1).ToList(), averages, options, files, out var encodedAt);
        AddFragments(segments, fragments, main.To, files);
        var encoded = analysed + encodedAt;
        var meta = main.MetaHashes + MetaChunks(metas, options.MetaChunkSize, files);
        files.Add(EntryFile(documents, [main.Segment, .. segments.Select(s => s.Ref)], meta, options));

        var mainTerms = main.Terms.ToHashSet(StringComparer.Ordinal);
        var tailShards = files.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal)).Select(f => f.Content.Length).DefaultIfEmpty().Max();
        var result = new SearchIndexResult(documents.Count, main.Files.Count + files.Count, main.Bytes + files.Sum(f => (long)f.Content.Length))
        {
            Terms = mainTerms.Count + terms.Count(t => !mainTerms.Contains(t)),
            Shards = main.Shards + segments.Sum(s => s.ShardCount),
            LargestShard = Math.Max(main.LargestShard, tailShards),
            CachedDocuments = analyses.CachedDocuments,
            KeptDocuments = main.To,
            Seconds = (analysed, encoded - analysed, clock.Elapsed.TotalSeconds - encoded),
        };
        return new IndexBuild(files, result);
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

    /// <summary>
    /// Analyses documents [<paramref name="from"/>, end) in doc-id order into an inverted index, their metadata and,
    /// when the analyses carry them, their fragments (else null).
    /// </summary>
    private static (PostingsAccumulator, List<DocumentMeta>, List<byte[]>?) Accumulate(IReadOnlyList<Post> documents, int from,
        DocumentAnalyses analyses, TermTable table, int cacheFrom = 0)
    {
        var accumulator = new PostingsAccumulator(table, from);
        var metas = new List<DocumentMeta>(documents.Count - from);
        List<byte[]>? fragments = null;
        var range = from == 0 ? documents : documents.Skip(from).ToList();
        analyses.ForEach(range, analysis =>
        {
            metas.Add(Meta(range[metas.Count], analysis));
            if (analysis.Fragment is { } fragment) (fragments ??= new List<byte[]>(range.Count)).Add(fragment);
            accumulator.Add(analysis);
        }, Math.Max(0, cacheFrom - from));
        return (accumulator, metas, fragments);
    }

    /// <summary>
    /// Each segment's fragment files (<paramref name="fragments"/>[i] is document <paramref name="first"/> + i), in a
    /// folder named by a hash over them all: the segment's entry in index.json then names it.
    /// </summary>
    private static void AddFragments(List<EncodedSegment> segments, List<byte[]>? fragments, int first, List<IndexFile> files)
    {
        if (fragments is null) return;
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

    /// <summary>One encoded segment: its entry in index.json, its files, and which of the sorted terms it holds.</summary>
    private sealed record EncodedSegment(SegmentRef Ref, List<IndexFile> Files, bool[] Held, int ShardCount);

    private static List<EncodedSegment> EncodeSegments(PostingsAccumulator accumulator, IReadOnlyList<string> terms,
        IReadOnlyList<(int From, int To)> bounds, FieldLengths averages, SearchIndexOptions options, List<IndexFile> files, out double seconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var impact = new Bm25FImpact(options.Scoring, averages);
        var policy = new TermEncodingPolicy(options.TopImpacts, options.PositionBytes);
        var entries = bounds.Select(_ => new byte[terms.Count][]).ToArray();
        var dfs = bounds.Select(_ => new int[terms.Count]).ToArray();
        Parallel.For(0, terms.Count, i =>
        {
            var postings = accumulator.Postings(terms[i], impact);
            for (var s = 0; s < bounds.Count; s++)
            {
                if (postings.Slice(bounds[s].From, bounds[s].To) is not { } slice) continue;
                dfs[s][i] = slice.Docs.Length;
                entries[s][i] = TermEntryCodec.Encode(slice, policy);
            }
        });
        seconds = clock.Elapsed.TotalSeconds;

        var segments = new List<EncodedSegment>();
        for (var s = 0; s < bounds.Count; s++)
        {
            var segmentFiles = new List<IndexFile>();
            var held = Enumerable.Range(0, terms.Count).Where(i => entries[s][i] is not null).ToList();
            var segmentTerms = held.Select(i => terms[i]).ToList();
            var segmentEntries = held.Select(i => entries[s][i]).ToList();
            var shards = ShardPlanner.Plan(segmentTerms, segmentEntries, options.ShardBytes);
            var shardRefs = new List<ShardRef>(shards.Count);
            var hashes = new System.Text.StringBuilder(shards.Count * IndexFiles.HashLength);
            foreach (var shard in shards)
            {
                var bytes = ShardCodec.Encode([.. Enumerable.Range(shard.First, shard.Count).Select(i => (segmentTerms[i], segmentEntries[i]))]);
                var hash = ContentHash.Of(bytes);
                var file = IndexFiles.Shard(hash);
                segmentFiles.Add(new IndexFile(file, bytes));
                shardRefs.Add(new ShardRef(file, shard.Count));
                hashes.Append(hash);
            }
            var pages = DictionaryPages(segmentTerms, [.. held.Select(i => dfs[s][i])], shards, shardRefs, options.PageTerms, segmentFiles);
            var table = JsonSerializer.SerializeToUtf8Bytes(new ShardTable([.. shards.Select(r => segmentTerms[r.First])], hashes.ToString()), IndexFiles.Json);
            var tableFile = IndexFiles.ShardTable(ContentHash.Of(table));
            segmentFiles.Add(new IndexFile(tableFile, table));
            var isHeld = new bool[terms.Count];
            foreach (var i in held) isHeld[i] = true;
            segments.Add(new EncodedSegment(new SegmentRef(bounds[s].From, bounds[s].To, pages, tableFile), segmentFiles, isHeld, shards.Count));
            files.AddRange(segmentFiles);
            entries[s] = null!; // the encoded entries live on in the shard files; let the GC have them
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

    private static DocumentMeta Meta(Post post, DocumentAnalysis analysis) =>
        new(post.Url, post.Title, PostAnalyzer.DateOf(post), analysis.PassageGaps(), string.Join(' ', analysis.CommentIds))
        { DateEstimated = post.DateEstimated };

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
            var file = IndexFiles.DictionaryPage(ContentHash.Of(bytes));
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
            var hash = ContentHash.Of(bytes);
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
