namespace Archivist.Build;

/// <summary>
/// The index of record was found damaged after the related posts had been read from it (a damaged segment is found by
/// its checksums only when the export reads it), was built again, and gave other lists than the pages already
/// rendered: <see cref="SiteBuilder"/> builds once more, from the index as it is now.
/// </summary>
public sealed class RelatedPostsChangedException()
    : InvalidOperationException("the related posts changed when the search index was built again; build again")
{
    /// <summary>The <see cref="RelatedPostsChangedException"/> in <paramref name="e"/> or among the exceptions it wraps, if any.</summary>
    public static RelatedPostsChangedException? Find(Exception? e) => e switch
    {
        null => null,
        RelatedPostsChangedException changed => changed,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(x => x is not null),
        _ => Find(e.InnerException),
    };
}
