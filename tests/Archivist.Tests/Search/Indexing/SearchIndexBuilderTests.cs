using Archivist.Content;
using Archivist.Search;
using Archivist.Search.Analysis;
using Archivist.Search.Format;
using Archivist.Search.Indexing;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Support;

namespace Archivist.Tests.Search.Indexing;

public class SearchIndexBuilderTests
{
    private static readonly IReadOnlyList<Post> Seeds = SearchTestSite.SeedPosts();

    [Fact]
    public void PostingsReadBackAsAnalysed()
    {
        var build = SearchIndexBuilder.Build(Seeds, new SearchIndexOptions());
        var reader = new IndexReader(new MemorySource(build.Files));
        var ordered = DocumentOrder.Assign(Seeds);

        // Count "harehills" in every post directly and compare with its postings.
        var analyzer = new EnglishAnalyzer();
        var expected = new Dictionary<int, int>();
        for (var d = 0; d < ordered.Count; d++)
        {
            var texts = ordered[d].Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text))
                .Prepend(MarkdownSyntax.ToPlainText(ordered[d].Text!.Body)).Prepend(ordered[d].Title);
            var n = texts.Sum(t => analyzer.Analyze(t).Count(x => x.Term == "harehil"));
            if (n > 0) expected[d] = n;
        }
        var entry = reader.Lookup("harehil")!;
        Assert.Equal(expected.Keys.Order(), entry.Docs);
        Assert.All(entry.Docs, d => Assert.Equal(expected[d], entry.Positions[d].Length));
        Assert.Null(reader.Lookup("zzznotaword"));

        // Every term of every shard decodes, and the dictionary agrees with the shards on df.
        var terms = 0;
        Assert.Single(reader.Entry.Segments); // eleven posts: all in the tail
        for (var p = 0; p < reader.Entry.Segments[0].Pages.Count; p++)
        {
            var page = reader.Page(0, p);
            for (var i = 0; i < page.Terms.Count; i++, terms++)
                Assert.Equal(page.Df[i], reader.Lookup(page.Terms[i])!.DocumentFrequency);
        }
        Assert.Equal(build.Result.Terms, terms);
    }

    [Fact]
    public void AStackedFormWhoseTermIsItsFirstPartsCountsOnce()
    {
        // "walk-s" gives "walk" and, stacked at the same position, "walks", whose stem is "walk" again.
        var post = Seeds[0] with { Title = "Walk-s", Text = new PostText("walk-s walks", []) };
        var reader = new IndexReader(new MemorySource(SearchIndexBuilder.Build([post], new SearchIndexOptions()).Files));
        Assert.Equal([0, 6, 8], reader.Lookup("walk")!.Positions[0]); // title "Walk-s" at 0 (its "s" at 1); body from 1 + 1 + 4: "walk-s" at 6, "walks" at 8
    }

    [Fact]
    public void DocumentsAreOrderedByDateAndYearsAreRanges()
    {
        var build = SearchIndexBuilder.Build(Seeds, new SearchIndexOptions());
        var reader = new IndexReader(new MemorySource(build.Files));
        var dates = Enumerable.Range(0, reader.Entry.Documents).Select(d => reader.Meta(d).Date).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal([2016, 2024, 2025], reader.Entry.Years.Select(y => y.Year));
        Assert.Equal(reader.Entry.Documents, reader.Entry.Years[^1].To);
        var meta = reader.Meta(dates.IndexOf("2016-02-14"));
        Assert.Equal("/2016/02/probation-masterclass.html", meta.Url);
        Assert.StartsWith("c1 c2 c3 c4 c4-1 c4-2", meta.CommentIds);
        Assert.Equal(2 + meta.CommentIds.Split(' ').Length, meta.PassageGaps.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameInputGivesByteIdenticalFiles(bool fragments)
    {
        var a = SearchIndexBuilder.Build(Seeds, new SearchIndexOptions { Fragments = fragments });
        var b = SearchIndexBuilder.Build(Seeds.Reverse().ToList(), new SearchIndexOptions { Fragments = fragments });
        Assert.Equal(a.Files.Select(f => f.Path), b.Files.Select(f => f.Path));
        Assert.All(a.Files.Zip(b.Files), x => Assert.Equal(x.First.Content, x.Second.Content));
    }

    [Fact]
    public void AddingTheNewestPostLeavesTheMainSegmentAlone()
    {
        var (posts, _) = SearchTestSite.Generated(240);
        var ordered = DocumentOrder.Assign(posts);
        var options = new SearchIndexOptions { TailSpan = 64 }; // main segment: the first 192 posts, before and after
        var before = SearchIndexBuilder.Build(ordered.Take(ordered.Count - 1).ToList(), options).Files.ToDictionary(f => f.Path);
        var build = SearchIndexBuilder.Build(ordered, options);
        var reader = new IndexReader(new MemorySource(build.Files));
        Assert.Equal([(0, 192), (192, 240)], reader.Entry.Segments.Select(s => (s.From, s.To)));

        var mainShards = reader.Entry.Segments[0].Pages.SelectMany((_, p) => reader.Page(0, p).Shards).Select(s => s.File).ToList();
        var mainPages = reader.Entry.Segments[0].Pages.Select(p => p.File).ToList();
        Assert.True(mainShards.Count > 20);
        Assert.All(mainShards.Concat(mainPages), f => Assert.True(before.ContainsKey(f), $"{f} of the main segment changed"));
        var metas = build.Files.Where(f => f.Path.StartsWith("m/", StringComparison.Ordinal)).ToList();
        Assert.Equal(metas.Count - 1, metas.Count(f => before.ContainsKey(f.Path))); // only the last chunk changes

        // Both segments answer as one index: the same hits as an index in one segment. (Not phrases of common
        // words: each segment has its own positions budget, so more of their positions are known.)
        var single = new IndexReader(new MemorySource(SearchIndexBuilder.Build(ordered, new SearchIndexOptions { TailSpan = 0 }).Files));
        Assert.Single(single.Entry.Segments);
        foreach (var query in new[] { "the", "probation service", "probat", "officer -the", "probation -service" })
        {
            var split = new QueryEngine(reader).Search(new SearchRequest(query) { Limit = 20 });
            var whole = new QueryEngine(single).Search(new SearchRequest(query) { Limit = 20 });
            Assert.True(whole.Total == split.Total, $"'{query}': {whole.Total} in one segment, {split.Total} in two");
        }
    }

    [Fact]
    public void WithinASegmentContentDefinedBoundariesKeepUntouchedShards()
    {
        var (posts, _) = SearchTestSite.Generated(240);
        var ordered = DocumentOrder.Assign(posts);
        // One segment and small shards, so that a generated corpus (one vocabulary for all posts) has shards the new post misses.
        var options = new SearchIndexOptions { ShardBytes = 1024, TailSpan = 0 };
        var before = SearchIndexBuilder.Build(ordered.Take(ordered.Count - 1).ToList(), options).Files.ToDictionary(f => f.Path);
        var after = SearchIndexBuilder.Build(ordered, options).Files;
        var analyzer = new EnglishAnalyzer();
        var newTerms = ordered[^1].Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text)).Prepend(MarkdownSyntax.ToPlainText(ordered[^1].Text!.Body))
            .Prepend(ordered[^1].Title).SelectMany(t => analyzer.Analyze(t)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

        // A shard none of whose terms the new post holds keeps its bytes, and so its name, unless a changed
        // neighbour moved the boundary between them (content-defined boundaries re-align after one shard).
        var untouched = after.Where(f => f.Path.StartsWith("t/", StringComparison.Ordinal))
            .Where(f => !ShardCodec.Decode(f.Content).Any(t => newTerms.Contains(t.Term)))
            .ToList();
        Assert.True(untouched.Count > 10, $"only {untouched.Count} shards miss every term of the new post");
        var moved = untouched.Count(f => !before.ContainsKey(f.Path));
        Assert.True(moved <= untouched.Count / 20, $"{moved} of {untouched.Count} shards changed although the new post has none of their terms");
    }

    /// <summary>The same files, path for path and byte for byte, as a build of <paramref name="some"/> from nothing.</summary>
    private static void AssertAsAFullBuildOf(IReadOnlyList<Post> some, IndexBuild build, SearchIndexOptions options)
    {
        var full = SearchIndexBuilder.Build(some, options with { CacheDirectory = null });
        Assert.Equal(full.Files.Select(f => f.Path), build.Files.Select(f => f.Path));
        Assert.All(full.Files.Zip(build.Files), x => Assert.Equal(x.First.Content, x.Second.Content));
    }

    [Fact]
    public void TheIndexOfRecordAnalysesOnlyNewAndChangedPostsAndForgetsRemovedOnes()
    {
        var cache = Directory.CreateTempSubdirectory("archivist-index-of-record").FullName;
        try
        {
            var (posts, _) = SearchTestSite.Generated(40);
            var ordered = DocumentOrder.Assign(posts);
            var options = new SearchIndexOptions { CacheDirectory = cache, TailSpan = 16 };
            void AssertAsAFullBuild(IReadOnlyList<Post> some, IndexBuild build) => AssertAsAFullBuildOf(some, build, options);

            Assert.Equal(40, SearchIndexBuilder.Build(ordered, options).Result.AnalysedDocuments);
            Assert.True(File.Exists(Path.Combine(cache, IndexOfRecord.FolderName, "segments.gen")), "a Lucene index in the cache");
            var again = SearchIndexBuilder.Build(ordered, options);
            Assert.Equal(0, again.Result.AnalysedDocuments);
            AssertAsAFullBuild(ordered, again);

            // Segments the change does not touch stay as they are (deletions live in their own small files).
            var lucene = Path.Combine(cache, IndexOfRecord.FolderName);
            var segmentFiles = Directory.GetFiles(lucene).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal))
                .ToDictionary(f => f, File.ReadAllBytes);
            var edited = ordered.Select((p, i) => i == 7 ? p with { Text = p.Text! with { Body = p.Text.Body + " zebrafish" } } : p).ToList();
            var afterEdit = SearchIndexBuilder.Build(edited, options);
            Assert.Equal(1, afterEdit.Result.AnalysedDocuments);
            AssertAsAFullBuild(edited, afterEdit);
            Assert.All(segmentFiles, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
            using (var reader = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(lucene)))
            {
                Assert.Equal(40, reader.NumDocs); // the edited post replaced, not added
                Assert.Equal(1, reader.DocFreq(new Lucene.Net.Index.Term("body", "zebrafish")));
            }

            var removed = edited.Where((_, i) => i != 3).ToList();
            var afterRemoval = SearchIndexBuilder.Build(removed, options);
            Assert.Equal(0, afterRemoval.Result.AnalysedDocuments);
            AssertAsAFullBuild(removed, afterRemoval);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the index of record holds no text: a post not analysed again has its fragment written from the post
    public void ADamagedIndexOfRecordIsBuiltAgainWithANote(bool fragments)
    {
        var cache = Directory.CreateTempSubdirectory("archivist-index-of-record").FullName;
        try
        {
            var options = new SearchIndexOptions { CacheDirectory = cache, Fragments = fragments };
            var cold = SearchIndexBuilder.Build(Seeds, options);
            var warm = SearchIndexBuilder.Build(Seeds, options);
            Assert.Equal(Seeds.Count, cold.Result.AnalysedDocuments);
            Assert.Equal(0, warm.Result.AnalysedDocuments);
            Assert.Empty(warm.Result.Notes);
            Assert.All(cold.Files.Zip(warm.Files), x => Assert.Equal(x.First.Content, x.Second.Content));

            // Bytes in the middle of the largest segment file changed: Lucene's checksums find it.
            var segmentFile = Directory.GetFiles(Path.Combine(cache, IndexOfRecord.FolderName)).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal))
                .OrderByDescending(f => new FileInfo(f).Length).First();
            var bytes = File.ReadAllBytes(segmentFile);
            for (var i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++) bytes[i] ^= 0x5A;
            File.WriteAllBytes(segmentFile, bytes);
            var damaged = SearchIndexBuilder.Build(Seeds, options);
            Assert.Equal(Seeds.Count, damaged.Result.AnalysedDocuments);
            Assert.Contains(damaged.Result.Notes, n => n.Contains("could not be read", StringComparison.Ordinal));
            Assert.All(cold.Files.Zip(damaged.Files), x => Assert.Equal(x.First.Content, x.Second.Content));

            // Every file gone but one, and the commit point garbage: built again as well.
            foreach (var file in Directory.GetFiles(Path.Combine(cache, IndexOfRecord.FolderName)).Skip(1)) File.Delete(file);
            foreach (var file in Directory.GetFiles(Path.Combine(cache, IndexOfRecord.FolderName))) File.WriteAllText(file, "damaged");
            var gone = SearchIndexBuilder.Build(Seeds, options);
            Assert.All(cold.Files.Zip(gone.Files), x => Assert.Equal(x.First.Content, x.Second.Content));
            Assert.Equal(0, SearchIndexBuilder.Build(Seeds, options).Result.AnalysedDocuments);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Fact]
    public void AnIndexOfRecordReadAheadIsUpdatedAsOneReadByTheBuildAndIsBuiltAgainWhenDamaged()
    {
        var cache = Directory.CreateTempSubdirectory("archivist-index-of-record").FullName;
        try
        {
            var (posts, _) = SearchTestSite.Generated(40);
            var ordered = DocumentOrder.Assign(posts);
            var options = new SearchIndexOptions { CacheDirectory = cache, TailSpan = 16 };
            // As the site builder does it: opened, and its posts read on the thread pool while the seeds would be read.
            IndexBuild ReadAhead(IReadOnlyList<Post> some)
            {
                using var index = IndexOfRecord.Open(cache, []);
                index.ReadAhead();
                return SearchIndexBuilder.Build(some, PostTexts.Carried, options, null, _ => false, null, index);
            }
            void AssertAsAFullBuild(IReadOnlyList<Post> some, IndexBuild build) => AssertAsAFullBuildOf(some, build, options);

            var first = ReadAhead(ordered.Take(39).ToList());
            Assert.Equal(39, first.Result.AnalysedDocuments);
            var added = ReadAhead(ordered);
            Assert.Equal(1, added.Result.AnalysedDocuments); // what was read ahead is what the update compares with
            Assert.Empty(added.Result.Notes);
            AssertAsAFullBuild(ordered, added);

            // Damaged: the read ahead fails, as reading it in the update did, and the index is built again with a note.
            foreach (var file in Directory.GetFiles(Path.Combine(cache, IndexOfRecord.FolderName))) File.WriteAllText(file, "damaged");
            var damaged = ReadAhead(ordered);
            Assert.Equal(40, damaged.Result.AnalysedDocuments);
            Assert.Contains(damaged.Result.Notes, n => n.Contains("could not be read", StringComparison.Ordinal));
            AssertAsAFullBuild(ordered, damaged);
            Assert.Equal(0, ReadAhead(ordered).Result.AnalysedDocuments);

            // Opened and read ahead but never updated (a build that stops before its search stage): closed cleanly.
            using (var unused = IndexOfRecord.Open(cache, [])) unused.ReadAhead();
            Assert.Equal(0, ReadAhead(ordered).Result.AnalysedDocuments);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Fact]
    public void AnIndexOfRecordInUseByAnotherBuildIsAnErrorAndIsLeftAlone()
    {
        var cache = Directory.CreateTempSubdirectory("archivist-index-of-record").FullName;
        try
        {
            var options = new SearchIndexOptions { CacheDirectory = cache };
            SearchIndexBuilder.Build(Seeds, options);
            var lucene = Path.Combine(cache, IndexOfRecord.FolderName);
            var files = Directory.GetFiles(lucene).ToDictionary(f => f, File.ReadAllBytes);
            using (var directory = Lucene.Net.Store.FSDirectory.Open(lucene))
            using (new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Archivist.Search.Analysis.ArchivistAnalyzer.Version, null)))
            {
                var edited = Seeds.Select((p, i) => i == 0 ? p with { Text = p.Text! with { Body = p.Text.Body + " zebrafish" } } : p).ToList();
                var error = Assert.Throws<IOException>(() => SearchIndexBuilder.Build(edited, options));
                Assert.Contains("in use by another build", error.Message, StringComparison.Ordinal);
            }
            Assert.All(files, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ARebuildKeepsTheLastMainSegmentAndWritesWhatAFullBuildWould(bool fragments)
    {
        var (posts, _) = SearchTestSite.Generated(240);
        var ordered = DocumentOrder.Assign(posts);
        var root = Directory.CreateTempSubdirectory("archivist-main-segment").FullName;
        var options = new SearchIndexOptions { TailSpan = 64, CacheDirectory = Path.Combine(root, "cache"), Fragments = fragments };
        var site = Path.Combine(root, "site");
        SearchIndexResult Write(IReadOnlyList<Post> some)
        {
            using var folder = Archivist.Output.OutputFolder.Open(site, TimeSpan.FromSeconds(10));
            using var transaction = folder.Begin();
            var result = SearchIndexWriter.Write(some, PostTexts.Carried, transaction, options);
            transaction.Commit();
            return result;
        }
        void AssertSiteHoldsAFullBuildOf(IReadOnlyList<Post> some)
        {
            var full = SearchIndexBuilder.Build(some, options with { CacheDirectory = null }).Files;
            var written = Directory.GetFiles(Path.Combine(site, options.Folder), "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(Path.Combine(site, options.Folder), f).Replace('\\', '/'), File.ReadAllBytes);
            Assert.Equal(full.Select(f => f.Path).Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            Assert.All(full, f => Assert.Equal(f.Content, written[f.Path]));
        }
        try
        {
            Assert.Equal(0, Write(ordered.Take(239).ToList()).KeptDocuments);

            // One newest post: the 192 posts of the main segment are neither analysed nor rewritten.
            var added = Write(ordered);
            Assert.Equal(192, added.KeptDocuments);
            Assert.Equal(1, added.AnalysedDocuments); // only the new post is analysed into the index of record
            AssertSiteHoldsAFullBuildOf(ordered);

            // A post of the main segment edited: its inputs no longer match, so everything is built again.
            var edited = ordered.Select((p, i) => i == 5 ? p with { Text = p.Text! with { Body = p.Text.Body + " zebrafish" } } : p).ToList();
            Assert.Equal(0, Write(edited).KeptDocuments);
            AssertSiteHoldsAFullBuildOf(edited);

            // A main-segment file gone from the site: the segment cannot be kept, and is written again.
            var mainShards = new IndexReader(new FolderIndexSource(Path.Combine(site, options.Folder))).Shards(0).Files;
            File.Delete(Path.Combine(site, options.Folder, IndexFiles.Shard(mainShards[..IndexFiles.HashLength])));
            var restored = edited.Append(ordered[^1] with { Url = "/2099/01/later.html", Date = new DateOnly(2099, 1, 1) }).ToList();
            Assert.Equal(0, Write(restored).KeptDocuments);
            AssertSiteHoldsAFullBuildOf(restored);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void FragmentsHoldEachPostsMetadataAndTheTextItWasIndexedFrom()
    {
        var (posts, _) = SearchTestSite.Generated(100);
        var ordered = DocumentOrder.Assign(posts);
        var options = new SearchIndexOptions { TailSpan = 64, Fragments = true }; // two segments: fragments in two folders
        var build = SearchIndexBuilder.Build(ordered, options);
        var reader = new IndexReader(new MemorySource(build.Files));
        Assert.Equal(2, reader.Entry.Segments.Count);
        Assert.All(reader.Entry.Segments, s => Assert.Matches("^[0-9a-f]{10}$", s.Fragments));
        Assert.Equal(ordered.Count, build.Files.Count(f => f.Path.StartsWith("f/", StringComparison.Ordinal)));
        for (var doc = 0; doc < ordered.Count; doc++)
        {
            var fragment = reader.Fragment(doc)!;
            var meta = reader.Meta(doc);
            Assert.Equal((meta.Url, meta.Title, meta.Date, meta.CommentIds), (fragment.Url, fragment.Title, fragment.Date, fragment.CommentIds));
            Assert.Equal(meta.PassageGaps, fragment.PassageGaps);
            var post = ordered[doc];
            var expected = post.Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text).Trim()).Prepend(MarkdownSyntax.ToPlainText(post.Text!.Body).Trim());
            Assert.Equal(expected, fragment.Passages.Select(p => p.Trim()));
            Assert.Equal(PassageText.Of(post, PassageLocator.Post).Trim(), fragment.TextOf(PassageLocator.Post).Trim());
            if (post.Text!.AllComments().LastOrDefault() is { } last) Assert.Equal(PassageText.Of(post, last.Id).Trim(), fragment.TextOf(last.Id).Trim());
        }

        // Off by default: no fragment files, and index.json says nothing of them.
        var plain = SearchIndexBuilder.Build(ordered, options with { Fragments = false });
        Assert.DoesNotContain(plain.Files, f => f.Path.StartsWith("f/", StringComparison.Ordinal));
        Assert.DoesNotContain("fragments", System.Text.Encoding.UTF8.GetString(plain.Files.Single(f => f.Path == IndexFiles.Entry).Content));
        Assert.Null(new IndexReader(new MemorySource(plain.Files)).Fragment(0));
    }

    private sealed class MemorySource(IReadOnlyList<IndexFile> files) : IIndexSource
    {
        private readonly Dictionary<string, byte[]> _files = files.ToDictionary(f => f.Path, f => f.Content);
        public byte[] Read(string path) => _files[path];
    }
}
