using Archivist.Content;
using Archivist.Search.Indexing;
using Archivist.Search.Related;

namespace Archivist.Search;

/// <summary>
/// Runs the search stage's incremental path once on a made-up archive of four posts, in memory, so that the methods it
/// runs are compiled before the build needs them. About 500 of them are generic code ReadyToRun cannot hold (the
/// analysis, Lucene's inverting chain and commit over J2N's collections, relating's collections, the export's): compiled
/// at run time on the search thread, they came between a one-seed rebuild's seeds and its related posts, which the post
/// pages wait for, and the end of the export, which the commit waits for.
/// Started while the build reads its seeds (mostly on one core); nothing of it is kept.
/// </summary>
public static class SearchWarmUp
{
    public static Task Start() => Task.Run(() =>
    {
        try
        {
            Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only time was at stake: the build compiles whatever this did not.
        }
    });

    /// <summary>
    /// The run itself: a first build of four posts, then a rebuild after the newest changed, as a one-seed rebuild goes:
    /// the index updated in place, the changed post related on a thread of its own, the browser's files exported (a
    /// main segment and a tail of two posts each). Returns the rebuild's related posts.
    /// </summary>
    internal static RelatedPosts Run()
    {
        using var index = IndexOfRecord.Open(null, []);
        var options = new SearchIndexOptions { TailSpan = 2, MetaChunkSize = 1 };
        IReadOnlyList<Post> posts =
        [
            Post("a", "Probation hostels and approved premises."), Post("b", "The football season: goals."),
            Post("c", "Bread, dough and the oven."), Post("d", "Approved premises, hostels and probation."),
        ];
        SearchIndexBuilder.Build(posts, PostTexts.Carried, options, null, _ => false, null, index);
        posts = [.. posts.Take(3), Post("d", "Approved premises and probation hostels, again.")]; // updated in place
        RelatedPosts? related = null;
        SearchIndexBuilder.Build(posts, PostTexts.Carried, options, null, _ => false,
            (indexed, documents) => related = RelatedPostsFinder.Find(indexed, documents, cacheDirectory: null), index);
        return related!;
    }

    private static Post Post(string slug, string body) => new()
    {
        Title = "Warming up " + slug, Date = new DateOnly(2000, 1, 1 + slug[0] - 'a'), Slug = slug, Url = $"/{slug}.html",
        Sources = new ValueList<string>([slug + ".txt"]),
        Text = new PostText(body, new ValueList<Comment>([new Comment("c1", "A *comment* on " + slug + ".", default)])),
    };
}
