namespace Archivist.Rendering;

/// <summary>
/// Every file of the site, as jobs, in two parts: the kinds of <see cref="PageKinds.All"/> that do not show related
/// posts (the sitemap, which lists the others' pages, planned last among them), then the kinds that do, once the
/// search stage has worked the related posts out. The builder renders the first part while the search stage works.
/// The search index is not here: the search stage writes it.
/// </summary>
public static class SitePlan
{
    /// <summary>The files of every kind that does not show related posts.</summary>
    public static IReadOnlyList<PageJob> WithoutRelated(RenderContext context, IReadOnlyList<PostForPages> posts, string templatesDirectory,
        IReadOnlyList<PageKind>? kinds = null) =>
        Plan(context, posts, templatesDirectory, [.. Checked(kinds ?? PageKinds.All).Where(k => !k.ShowsRelatedPosts)], related: null);

    /// <summary>The files of the kinds that show related posts; the kinds plan what they can while the related posts are found.</summary>
    /// <param name="related">Each post's related posts by URL, when the search stage has them (<see cref="SiteInput.Related"/>).</param>
    public static IReadOnlyList<PageJob> WithRelated(RenderContext context, IReadOnlyList<PostForPages> posts, string templatesDirectory,
        Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> related, IReadOnlyList<PageKind>? kinds = null) =>
        Plan(context, posts, templatesDirectory, [.. Checked(kinds ?? PageKinds.All).Where(k => k.ShowsRelatedPosts)], related);

    private static List<PageJob> Plan(RenderContext context, IReadOnlyList<PostForPages> posts, string templatesDirectory, IReadOnlyList<PageKind> kinds,
        Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>? related)
    {
        var site = new SiteInput(context, posts, templatesDirectory, kinds, []) { Related = related };
        var planned = new List<PageJob>[kinds.Count];
        for (var i = 0; i < kinds.Count; i++)
            if (!kinds[i].ListsPages) planned[i] = kinds[i].Plan(site).ToList();
        var listed = kinds.Select((kind, i) => kind.InSitemap ? planned[i] : null).OfType<List<PageJob>>()
            .SelectMany(jobs => jobs).Select(job => SiteUrls.PathOf(job.Path)).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < kinds.Count; i++)
            if (kinds[i].ListsPages) planned[i] = kinds[i].Plan(site with { Listed = listed }).ToList();
        return [.. planned.SelectMany(jobs => jobs)];
    }

    /// <summary>The sitemap is planned before related posts are known, so it can neither be nor list a kind that waits for them.</summary>
    private static IReadOnlyList<PageKind> Checked(IReadOnlyList<PageKind> kinds) =>
        kinds.FirstOrDefault(k => k.ShowsRelatedPosts && (k.InSitemap || k.ListsPages)) is { } wrong
            ? throw new InvalidOperationException($"page kind '{wrong.Name}' shows related posts, so the sitemap cannot list it nor can it list pages")
            : kinds;
}
