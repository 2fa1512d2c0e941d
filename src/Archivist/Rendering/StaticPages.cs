using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// Pages that do not depend on the posts: search (a form that works without JavaScript and the mount
/// point of the search client), about (from the settings) and <c>404.html</c> (served by GitHub Pages at
/// any missing URL, so every link in it is absolute). Each is a kind of its own.
/// </summary>
public sealed class StaticPages : PageKind
{
    public const string SearchPath = "/search/";
    public const string AboutPath = "/about/";
    public const string NotFoundFile = "404.html";
    public const string SearchIndexPath = "/search-index/";

    /// <summary>The search page, and the search index beside it (which the search stage writes).</summary>
    public static StaticPages Search { get; } = new("search", SearchPath, [SearchPath + "*", SearchIndexPath + "*"], inSitemap: false,
        context => ("Search", "", context.Head("Search", SearchPath, $"Search every post and comment of {context.Options.Title}.")));

    public static StaticPages About { get; } = new("about", AboutPath, [AboutPath + "*"], inSitemap: true,
        context => ("About", context.Markdown.Render(context.Options.About, headingFloor: 2, userContent: false), context.Head("About", AboutPath)));

    public static StaticPages NotFound { get; } = new("not-found", "/" + NotFoundFile, ["/" + NotFoundFile], inSitemap: false,
        context => ("Page not found", "", context.Head("Page not found", "/" + NotFoundFile) with { Canonical = null, NoIndex = true }));

    private readonly string _name;
    private readonly string _path;
    private readonly IReadOnlyList<string> _reserved;
    private readonly bool _inSitemap;
    private readonly Func<RenderContext, (string Heading, string Html, PageHead Head)> _content;

    private StaticPages(string name, string path, IReadOnlyList<string> reserved, bool inSitemap, Func<RenderContext, (string, string, PageHead)> content)
    {
        _name = name;
        _path = path;
        _reserved = reserved;
        _inSitemap = inSitemap;
        _content = content;
    }

    public override string Name => _name;
    public override IReadOnlyList<string> Templates => [_name];
    public override IReadOnlyList<string> Reserved => _reserved;
    public override bool InSitemap => _inSitemap;

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var context = site.Context;
        yield return new PageJob(SiteUrls.FileOf(_path), InputHasher.Of(context.SiteHash, _name), () => Render(context));
    }

    private ReadOnlyMemory<byte> Render(RenderContext context)
    {
        var (heading, html, head) = _content(context);
        return context.Page(_name, new SimplePageView(context.Site, heading, html.Length == 0 ? null : new TrustedHtml(html), context.Urls.Local(SearchIndexPath)), head,
            _name == "not-found" ? "not-found" : _path.Trim('/'));
    }
}
