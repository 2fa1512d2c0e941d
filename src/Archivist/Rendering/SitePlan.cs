namespace Archivist.Rendering;

/// <summary>
/// Every file of the site, as jobs: post pages and their Markdown, listings, archive, static pages,
/// feed, sitemap, robots.txt, <c>.nojekyll</c> and the assets copied from <c>templates/assets/</c>.
/// The search index is not here: the search stage writes it.
/// </summary>
public static class SitePlan
{
    public const string AssetsFolder = "assets";

    /// <param name="related">Each post's related posts by URL (<see cref="PostPages.Plan"/>); null: none.</param>
    public static IReadOnlyList<PageJob> Plan(RenderContext context, IReadOnlyList<SitePost> posts, string templatesDirectory,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? related = null)
    {
        var jobs = new List<PageJob>();
        jobs.AddRange(PostPages.Plan(context, posts, related));
        var listings = ListingPages.Plan(context, posts).Concat(ArchivePages.Plan(context, posts)).ToList();
        jobs.AddRange(listings);
        jobs.AddRange(StaticPages.Plan(context));
        jobs.Add(AtomFeed.Plan(context, posts));
        var indexed = listings.Select(j => SiteUrls.PathOf(j.Path)).Append(StaticPages.AboutPath).Order(StringComparer.Ordinal).ToList();
        // The sitemap protocol only allows absolute URLs: without a site URL there is no sitemap to write.
        if (context.Urls.Absolute("/") is not null) jobs.Add(Sitemap.Plan(context, posts, indexed));
        jobs.Add(Sitemap.Robots(context));
        jobs.Add(new PageJob(".nojekyll", "empty", () => ReadOnlyMemory<byte>.Empty));
        jobs.AddRange(Assets(Path.Combine(templatesDirectory, AssetsFolder)));
        return jobs;
    }

    /// <summary>Every file under templates/assets, byte for byte (the search client's scripts included).</summary>
    private static IEnumerable<PageJob> Assets(string directory)
    {
        if (!Directory.Exists(directory)) yield break;
        foreach (var (file, relative) in TemplateSet.FilesUnder(directory))
        {
            var bytes = File.ReadAllBytes(file);
            yield return new PageJob($"{AssetsFolder}/{relative}", InputHasher.Of(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))), () => bytes.AsMemory());
        }
    }
}
