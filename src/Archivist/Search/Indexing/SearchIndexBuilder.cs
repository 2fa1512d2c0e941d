using System.Globalization;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>All files of one index build, with figures about them.</summary>
public sealed record IndexBuild(IReadOnlyList<IndexFile> Files, SearchIndexResult Result);

/// <summary>
/// Builds the whole index in memory: posts → analyses (all cores) → inverted index → term entries →
/// shards, dictionary pages, metadata chunks and the entry file. Pure: the same posts and options give
/// the same bytes, which is what lets an unchanged file keep its content-hashed name.
/// </summary>
public static class SearchIndexBuilder
{
    public static IndexBuild Build(IReadOnlyList<Post> posts, SearchIndexOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var documents = DocumentOrder.Assign(posts);
        var accumulator = new PostingsAccumulator();
        var metas = new List<DocumentMeta>(documents.Count);
        var analyses = new DocumentAnalyses(options.CacheDirectory is { } dir ? new AnalysisCache(dir) : null);
        analyses.ForEach(documents, analysis =>
        {
            var post = documents[metas.Count];
            metas.Add(Meta(post, analysis));
            accumulator.Add(analysis);
        });

        var analysed = clock.Elapsed.TotalSeconds;
        var impact = new Bm25FImpact(options.Scoring, accumulator.Averages());
        var policy = new TermEncodingPolicy(options.TopImpacts, options.PositionBytes);
        var terms = accumulator.SortedTerms();
        var bounds = Segments(documents.Count, options.TailSpan);
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

        var encoded = clock.Elapsed.TotalSeconds;
        var files = new List<IndexFile>();
        var segments = new List<SegmentRef>();
        var shardCount = 0;
        for (var s = 0; s < bounds.Count; s++)
        {
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
                files.Add(new IndexFile(file, bytes));
                shardRefs.Add(new ShardRef(file, shard.Count));
                hashes.Append(hash);
            }
            shardCount += shards.Count;
            var pages = DictionaryPages(segmentTerms, [.. held.Select(i => dfs[s][i])], shards, shardRefs, options.PageTerms, files);
            var table = JsonSerializer.SerializeToUtf8Bytes(new ShardTable([.. shards.Select(r => segmentTerms[r.First])], hashes.ToString()), IndexFiles.Json);
            var tableFile = IndexFiles.ShardTable(ContentHash.Of(table));
            files.Add(new IndexFile(tableFile, table));
            segments.Add(new SegmentRef(bounds[s].From, bounds[s].To, pages, tableFile));
        }
        entries = null!; // the encoded entries live on in the shard files; let the GC have them

        var meta = MetaChunks(metas, options.MetaChunkSize, files);
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
        files.Add(new IndexFile(IndexFiles.Entry, JsonSerializer.SerializeToUtf8Bytes(entry, IndexFiles.Json)));

        var result = new SearchIndexResult(documents.Count, files.Count, files.Sum(f => (long)f.Content.Length))
        {
            Terms = terms.Count,
            Shards = shardCount,
            LargestShard = files.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal)).Select(f => f.Content.Length).DefaultIfEmpty().Max(),
            CachedDocuments = analyses.CachedDocuments,
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

    private static DocumentMeta Meta(Post post, DocumentAnalysis analysis)
    {
        var gaps = new int[analysis.PassageStarts.Length];
        for (var i = 0; i < gaps.Length; i++) gaps[i] = analysis.PassageStarts[i] - (i == 0 ? 0 : analysis.PassageStarts[i - 1]);
        return new DocumentMeta(post.Url, post.Title, post.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gaps, string.Join(' ', analysis.CommentIds));
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
            var file = IndexFiles.DictionaryPage(ContentHash.Of(bytes));
            files.Add(new IndexFile(file, bytes));
            pages.Add(new PageRef(pages.Count == 0 ? "" : terms[first], file));
            s = end;
        }
        return pages;
    }

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
