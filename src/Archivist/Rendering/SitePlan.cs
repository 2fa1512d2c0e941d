namespace Archivist.Rendering;

/// <summary>
/// Every file of the site, as jobs: each kind of <see cref="PageKinds.All"/> in turn, the sitemap (which lists
/// the others' pages) planned last but kept in its place. The search index is not here: the search stage writes it.
/// </summary>
public static class SitePlan
{
    /// <param name="related">Each post's related posts by URL (<see cref="SiteInput.Related"/>); null: none.</param>
    public static IReadOnlyList<PageJob> Plan(RenderContext context, IReadOnlyList<PostForPages> posts, string templatesDirectory,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? related = null) =>
        Plan(context, posts, templatesDirectory, PageKinds.All, related);

    public static IReadOnlyList<PageJob> Plan(RenderContext context, IReadOnlyList<PostForPages> posts, string templatesDirectory, IReadOnlyList<PageKind> kinds,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? related = null)
    {
        var site = new SiteInput(context, posts, templatesDirectory, kinds, []) { Related = related };
        var planned = new List<PageJob>[kinds.Count];
        for (var i = 0; i < kinds.Count; i++)
            if (!kinds[i].ListsPages) planned[i] = kinds[i].Plan(site).ToList();
        var listed = kinds.Select((kind, i) => kind.InSitemap ? planned[i] : null).OfType<List<PageJob>>()
            .SelectMany(jobs => jobs).Select(job => SiteUrls.PathOf(job.Path)).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < kinds.Count; i++)
            if (kinds[i].ListsPages) planned[i] = kinds[i].Plan(site with { Listed = listed }).ToList();
        return planned.SelectMany(jobs => jobs).ToList();
    }
}
