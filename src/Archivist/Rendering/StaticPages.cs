using Archivist.Hashing;
using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// Pages that do not depend on the posts: search (a form that works without JavaScript and the mount
/// point of the search client), about (from the settings) and <c>404.html</c> (served by GitHub Pages at
/// any missing URL, so every link in it is absolute).
/// </summary>
public static class StaticPages
{
    public const string SearchPath = "/search/";
    public const string AboutPath = "/about/";
    public const string NotFoundFile = "404.html";
    public const string SearchIndexPath = "/search-index/";

    public static IEnumerable<PageJob> Plan(RenderContext context)
    {
        yield return new PageJob(SiteUrls.FileOf(SearchPath), InputHasher.Of(context.SiteHash, "search"), () => Render(context, "search", "Search", "", SearchPath,
            context.Head("Search", SearchPath, $"Search every post and comment of {context.Options.Title}.")));
        yield return new PageJob(SiteUrls.FileOf(AboutPath), InputHasher.Of(context.SiteHash, "about"), () => Render(context, "about", "About", 
            context.Markdown.Render(context.Options.About, headingFloor: 2, userContent: false), AboutPath,
            context.Head("About", AboutPath)));
        yield return new PageJob(NotFoundFile, InputHasher.Of(context.SiteHash, "404"), () => Render(context, "not-found", "Page not found", "", "/" + NotFoundFile,
            context.Head("Page not found", "/" + NotFoundFile) with { Canonical = null, NoIndex = true }));
    }

    private static ReadOnlyMemory<byte> Render(RenderContext context, string template, string heading, string html, string path, PageHead head) =>
        context.Page(template, new SimplePageView(context.Site, heading, html.Length == 0 ? null : new TrustedHtml(html), context.Urls.Local(SearchIndexPath)), head,
            template == "not-found" ? "not-found" : path.Trim('/'));
}
