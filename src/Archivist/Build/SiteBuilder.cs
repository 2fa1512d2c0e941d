using System.Diagnostics;
using Archivist.Output;
using Archivist.Rendering;
using Archivist.Search;
using Archivist.Search.Related;
using Archivist.Hashing;

namespace Archivist.Build;

/// <summary>
/// The build pipeline, stage by stage: lock the output → fingerprint the inputs (unchanged: done) →
/// seeds through the cache → posts → plan and render what changed, keep the rest (the post pages once the search
/// stage has found their related posts) → search index → commit atomically → remember what was built. Every stage reads the same frozen settings.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildRequest request, IBuildObserver observer)
    {
        using var noGc = NoGcRegion.Enter(NoGcRegion.RebuildBytes);
        try
        {
            return Build(request, observer, rehashSeeds: request.Force);
        }
        catch (Exception e) when (!request.Force && SeedChangedException.Find(e) is { } changed)
        {
            // Nothing was committed. The remembered hash was stale (or the seed was being saved): read every seed afresh.
            observer.Log($"note: {changed.Seed} is not what the cache recorded for it; building again, reading every seed");
            return Build(request, observer, rehashSeeds: true);
        }
        catch (Exception e) when (RelatedPostsChangedException.Find(e) is not null)
        {
            // Nothing was committed; the index of record is whole now, and so are the related lists it gives.
            observer.Log("note: the search index in the cache was damaged and built again, and with it the related posts; building again");
            return Build(request, observer, rehashSeeds: request.Force);
        }
    }

    private static BuildResult Build(BuildRequest request, IBuildObserver observer, bool rehashSeeds)
    {
        var clock = Stopwatch.StartNew();
        var options = request.Options;
        // The last manifest (25,000 lines at 10,000 posts) is read while the seeds are listed.
        using var folder = OutputFolder.Open(request.OutputDirectory, request.LockWait, observer.Log, readManifestAhead: true);
        if (folder.RecoveryNote is { } note) observer.Log(note);
        if (request.CacheDirectory is { } cacheDirectory && !CacheMarker.Claim(cacheDirectory))
            observer.Log($"note: '{cacheDirectory}' held other files before it was the cache (it has no {CacheMarker.FileName}), so nothing in it is ever deleted: old cache entries stay until you delete them.");

        // The templates' hash and the last build's memo are read while the seeds are listed.
        var templatesHashing = Task.Run(() => TemplateSet.HashFolder(request.TemplatesDirectory));
        var memoPath = LastBuildMemo.PathFor(request.CacheDirectory, folder.Root);
        var memoReading = Task.Run(() => LastBuildMemo.Load(memoPath));
        var (seedFiles, skipped) = Seeds.SeedReader.Scan(request.SeedsDirectory);
        var seeds = SeedInventory.Take(seedFiles, request.CacheDirectory, rehashSeeds);
        var templatesHash = templatesHashing.GetAwaiter().GetResult();
        var fingerprint = BuildInputsDigest.Compute(options, templatesHash, seeds, skipped);
        var memo = memoReading.GetAwaiter().GetResult();
        var lastFingerprint = folder.Manifest.Properties.GetValueOrDefault(BuildInputsDigest.PropertyName); // (a damaged manifest fails here)
        if (!request.Force && lastFingerprint == fingerprint && IsIntact(folder, memo.Stamps))
        {
            SeedInventory.Save(request.CacheDirectory, seeds);
            return new BuildResult { NoOp = true, SeedFiles = seeds.Count, Kept = folder.Manifest.Count, Elapsed = clock.Elapsed };
        }

        // Parsing the templates needs no post: it runs while the seeds are read. So does reading which posts the
        // search index of record holds (the first step of updating it).
        var templates = Task.Run(() => TemplateSet.Load(request.TemplatesDirectory, new SiteUrls(options)));
        var searchOptions = new SearchIndexOptions
        {
            CacheDirectory = request.CacheDirectory is null ? null : Path.Combine(request.CacheDirectory, "search"),
            Fragments = options.SearchFragments,
        };
        using var indexOfRecord = Search.Indexing.IndexOfRecord.Open(searchOptions.CacheDirectory, []);
        indexOfRecord.ReadAhead();
        if (searchOptions.CacheDirectory is not null) SearchWarmUp.Start(); // (only a rebuild gains from it)
        var seedCache = new SeedCache(request.CacheDirectory, BuildInputsDigest.ToolId);
        var loaded = observer.Step("Reading seeds", report => CachedContentLoader.Load(seeds, skipped, seedCache, options.Permalink, PageKinds.Reserved, report));
        var diagnostics = loaded.Content.Diagnostics.ToList();
        var posts = loaded.Content.Posts;
        var result = new BuildResult
        {
            Diagnostics = diagnostics, Stats = loaded.Content.Stats, SeedFiles = seeds.Count, CacheHits = loaded.CacheHits,
        };
        if (request.Strict && diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
            return result with { StrictFailed = true, Elapsed = clock.Elapsed };

        // Every template is parsed (a mistake named by file, line and column) before the output is touched.
        var templateSet = templates.GetAwaiter().GetResult();
        using var transaction = folder.Begin(new Dictionary<string, string> { [BuildInputsDigest.PropertyName] = fingerprint }, memo.Stamps);
        // The search index needs only the posts, so it is built beside everything from here on: its
        // single-threaded stretches (merging postings, writing shards) overlap with planning and rendering.
        // Post pages list related posts, which come from the index of record as soon as it holds the posts (the export
        // runs beside): the other pages are rendered while the index is built, the post pages wait for the related posts.
        var related = new TaskCompletionSource<RelatedPosts>(TaskCreationOptions.RunContinuationsAsynchronously);
        var searchTask = Task.Factory.StartNew(() =>
        {
            try
            {
                return SearchIndexWriter.Write(posts, seedCache, transaction, searchOptions, (index, documents) =>
                {
                    var found = RelatedPostsFinder.Find(index, documents, searchOptions.CacheDirectory);
                    // Relating the whole archive left about 100 MB of its postings dead, beside the index writer's buffers (another
                    // 100 MB) that built the index just before: large or long-lived, only a full collection frees them, which could
                    // come after the export and the post pages had added their own. One blocking full collection at this phase
                    // boundary keeps them out of the build's peak memory; an incremental build relates a few posts and skips it.
                    if (found.ReadWholeIndex) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
                    // Called again only when the index was found damaged and built again: lists already in pages must hold.
                    if (!related.TrySetResult(found) && !Same(related.Task.Result, found)) throw new RelatedPostsChangedException();
                }, indexOfRecord);
            }
            catch (Exception e)
            {
                related.TrySetException(e);
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        (int Rendered, IReadOnlyList<PageJob> Jobs) pages;
        try
        {
            pages = RenderPages(request, observer, posts, seedCache, templateSet, templatesHash,
                request.Force ? memo.StampsOnly() : memo, transaction, related.Task);
        }
        catch
        {
            // The transaction must outlive every writer; a failed render is the error to report.
            try { searchTask.Wait(); } catch (AggregateException) { }
            throw;
        }
        var search = observer.Step("Writing the search index", _ => searchTask.GetAwaiter().GetResult());
        var summary = observer.Step("Committing", _ =>
        {
            // What the build leaves in the cache is saved once the commit point is passed, while the files move into place:
            // the page memo then records the state the commit produces, now or when the next build finishes it.
            var committed = transaction.Commit((manifest, stamps) => Parallel.Invoke(
                () => LastBuildMemo.Save(memoPath, pages.Jobs, manifest, stamps),
                () =>
                {
                    SeedInventory.Save(request.CacheDirectory, seeds);
                    seedCache.Prune(seeds);
                }));
            return committed;
        });
        // A damaged index of record in the cache was built again: worth knowing, changes nothing in the site.
        diagnostics.AddRange(search.Notes.Select(note => Diagnostic.Info(searchOptions.CacheDirectory ?? "search index", null, note)));
        return result with
        {
            Diagnostics = diagnostics,
            Rendered = pages.Rendered, Kept = pages.Jobs.Count - pages.Rendered, Summary = summary, Search = search,
            Related = related.Task.Result, Elapsed = clock.Elapsed,
        };
    }

    /// <summary>
    /// Plans every page and renders those whose inputs changed; returns how many were rendered, and the plan. The pages
    /// that show no related posts (listings, archive, feed, Markdown copies…) are planned and rendered while the search
    /// stage builds the index of record and works the related posts out; the post pages wait for those.
    /// </summary>
    private static (int Rendered, IReadOnlyList<PageJob> Jobs) RenderPages(BuildRequest request, IBuildObserver observer,
        IReadOnlyList<Content.Post> posts, Content.PostTexts texts, TemplateSet templates, string templatesHash, LastBuildMemo memo, OutputTransaction transaction,
        Task<RelatedPosts> related)
    {
        var options = request.Options;
        using var context = new RenderContext(options, templates, HashBuilder.Of(BuildInputsDigest.ToolId, options.Describe(), templatesHash));
        var others = observer.Step("Planning pages", _ =>
        {
            // (Parallel.For over an array runs precompiled code; PLINQ's ordered query was compiled at run time, every build.)
            var sitePosts = new PostForPages[posts.Count];
            Parallel.For(0, posts.Count, i => sitePosts[i] = new PostForPages(posts[i], texts));
            return (Posts: sitePosts, Jobs: SitePlan.WithoutRelated(context, sitePosts, request.TemplatesDirectory));
        });
        var rendered = observer.Step("Rendering pages", report => Render(others.Jobs, memo, transaction, report));
        // The post pages are planned as far as they can be while the search stage finds their related posts, then wait
        // for those (a failure of the search stage surfaces here as itself, not wrapped).
        var byUrl = related.ContinueWith(found => found.GetAwaiter().GetResult().ByUrl, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        // Meanwhile a spare thread checks that the last build's post pages are still as it left them, for keeping them after.
        var checking = Task.Run(transaction.CheckAhead);
        var postPages = observer.Step("Finding related posts", _ => SitePlan.WithRelated(context, others.Posts, request.TemplatesDirectory, byUrl));
        rendered += observer.Step("Rendering post pages", report => Render(postPages, memo, transaction, report));
        checking.GetAwaiter().GetResult();
        return (rendered, [.. others.Jobs, .. postPages]);
    }

    /// <summary>Renders the jobs whose inputs changed, in parallel; returns how many were rendered.</summary>
    private static int Render(IReadOnlyList<PageJob> jobs, LastBuildMemo memo, OutputTransaction transaction, Action<int, int, string> report)
    {
        var rendered = 0;
        var done = 0;
        try
        {
            Parallel.ForEach(jobs, job =>
            {
                if (!(memo.IsUnchanged(job, transaction.Previous) && transaction.TryKeep(job.Path)))
                {
                    transaction.Write(job.Path, job.Render().Span);
                    Interlocked.Increment(ref rendered);
                }
                var n = Interlocked.Increment(ref done);
                if ((n & 63) == 0 || n == jobs.Count) report(n, jobs.Count, "");
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Surface the first real error (a template mistake, say), not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return rendered;
    }

    private static bool Same(RelatedPosts a, RelatedPosts b) =>
        a.ByUrl.Count == b.ByUrl.Count && a.ByUrl.All(p => b.ByUrl.TryGetValue(p.Key, out var other) && p.Value.SequenceEqual(other, StringComparer.Ordinal));

    /// <summary>Every file the manifest lists is still there, with the size and time the last build left it with.</summary>
    private static bool IsIntact(OutputFolder folder, IReadOnlyDictionary<string, long> stamps)
    {
        var intact = true;
        Parallel.ForEach(folder.Manifest.Entries, (entry, state) =>
        {
            var info = new FileInfo(OutputPath.ToFull(folder.Root, entry.Path));
            if (!info.Exists || info.Length != entry.Size || !stamps.TryGetValue(entry.Path, out var ticks) || info.LastWriteTimeUtc.Ticks != ticks)
            {
                intact = false;
                state.Stop();
            }
        });
        return intact;
    }
}
