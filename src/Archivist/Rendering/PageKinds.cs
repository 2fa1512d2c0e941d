using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>
/// Every kind of file the site has, in the order they are planned. Add a kind of page here; what reads the
/// list (the plan, reserved URLs, required templates, the sitemap, the archive's links, the settings'
/// messages) follows.
/// </summary>
public static class PageKinds
{
    public static IReadOnlyList<PageKind> All { get; } =
    [
        new PostPages(),
        new PostDocuments(),
        new ListingPages(),
        new ArchivePages(),
        new MostDiscussedPage(),
        StaticPages.Search,
        StaticPages.About,
        StaticPages.NotFound,
        new AtomFeed(),
        new Sitemap(),
        new SiteFiles.NoJekyll(),
        new SiteFiles.Assets(),
    ];

    /// <summary>The paths no post may take: the builder hands them to the permalink step.</summary>
    public static ReservedPaths Reserved { get; } = ReservedBy(All);

    /// <summary>The page templates every templates folder must have.</summary>
    public static IReadOnlyList<string> Templates { get; } = All.SelectMany(k => k.Templates).Distinct().ToList();

    public static ReservedPaths ReservedBy(IEnumerable<PageKind> kinds) => new(kinds.SelectMany(k => k.Reserved));
}
