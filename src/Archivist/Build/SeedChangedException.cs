namespace Archivist.Build;

/// <summary>
/// A seed's content is not what the cache recorded for it: edited while the site was being built, or edited earlier
/// in a way its size and modification time do not show (<c>cp -p</c>, <c>touch -r</c>). <see cref="SiteBuilder"/>
/// builds once more reading every seed afresh, so only an edit during that second build is reported.
/// </summary>
public sealed class SeedChangedException(string seed)
    : IOException($"{seed} changed while the site was being built; build again")
{
    public string Seed { get; } = seed;

    /// <summary>The <see cref="SeedChangedException"/> in <paramref name="e"/> or among the exceptions it wraps, if any.</summary>
    public static SeedChangedException? Find(Exception? e) => e switch
    {
        null => null,
        SeedChangedException changed => changed,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(x => x is not null),
        _ => Find(e.InnerException),
    };
}
