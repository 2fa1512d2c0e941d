using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>
/// One kind of file the site has (posts, listings, the archive, the feed…), as Hugo's page kinds: what it
/// plans from the posts, the templates it needs, the paths it keeps from posts and whether the sitemap lists
/// it. Every kind is in <see cref="PageKinds.All"/>, and planning, reserved URLs, required templates, the
/// sitemap and the settings' messages all read that list: a new kind of page is one class, one template and
/// its line there.
/// </summary>
public abstract class PageKind
{
    /// <summary>What the kind is called; no two kinds share a name.</summary>
    public abstract string Name { get; }

    /// <summary>The page templates it renders with (<c>pages/NAME.sbn-html</c>): every templates folder must have them.</summary>
    public virtual IReadOnlyList<string> Templates => [];

    /// <summary>Site paths no post may take, as <see cref="ReservedPaths"/> patterns (<c>/archive/*</c>).</summary>
    public virtual IReadOnlyList<string> Reserved => [];

    /// <summary>Whether the sitemap lists its pages (posts are listed by the sitemap itself, with their dates).</summary>
    public virtual bool InSitemap => false;

    /// <summary>A way in from the archive page (<c>/archive/</c>), or null.</summary>
    public virtual ArchiveLink? ArchiveLink => null;

    /// <summary>True for a kind that lists the other kinds' pages (the sitemap): it is planned after them.</summary>
    public virtual bool ListsPages => false;

    /// <summary>
    /// True for a kind whose pages list related posts (<see cref="SiteInput.Related"/>): it is planned once the search
    /// stage has worked them out, and every other kind is planned and rendered while it does. Such a kind cannot list
    /// pages or be listed by the sitemap, which are planned before it.
    /// </summary>
    public virtual bool ShowsRelatedPosts => false;

    /// <summary>Its files, each with a hash of what it depends on.</summary>
    public abstract IEnumerable<PageJob> Plan(SiteInput site);
}

/// <summary>What every kind plans from: the render context, the posts newest first, and the site's other pages.</summary>
/// <param name="Listed">
/// The site paths of the pages the sitemap lists, in ordinal order; known only to kinds that <see cref="PageKind.ListsPages"/>
/// (empty for the rest).
/// </param>
public sealed record SiteInput(RenderContext Context, IReadOnlyList<PostForPages> Posts, string TemplatesDirectory,
    IReadOnlyList<PageKind> Kinds, IReadOnlyList<string> Listed)
{
    /// <summary>
    /// Each post's related posts by URL, best first, once the search stage has worked them out from the index of record
    /// (a kind does what it can before it waits for them); given only to kinds that <see cref="PageKind.ShowsRelatedPosts"/>;
    /// null: none.
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>>? Related { get; init; }
}

/// <summary>A link the archive page shows to a kind's page: its label, site path and a line saying what is there.</summary>
public sealed record ArchiveLink(string Label, string Path, string Description);
