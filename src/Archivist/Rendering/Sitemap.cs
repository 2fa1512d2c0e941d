using System.Xml;

namespace Archivist.Rendering;

/// <summary>
/// <c>/sitemap.xml</c> (every page worth indexing, with posts' dates; only when the site URL is known, as the
/// protocol requires absolute URLs) and <c>/robots.txt</c> pointing at it.
/// </summary>
public sealed class Sitemap : PageKind
{
    public const string Path = "/sitemap.xml";
    public const string RobotsPath = "/robots.txt";

    public override string Name => "sitemap";
    public override IReadOnlyList<string> Reserved => [Path, RobotsPath];
    public override bool ListsPages => true;

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        // The sitemap protocol only allows absolute URLs: without a site URL there is no sitemap to write.
        if (site.Context.Urls.Absolute("/") is not null) yield return Map(site.Context, site.Posts, site.Listed);
        yield return Robots(site.Context);
    }

    /// <param name="pages">Site paths of the pages of every kind the sitemap lists.</param>
    private static PageJob Map(RenderContext context, IReadOnlyList<SitePost> posts, IReadOnlyList<string> pages)
    {
        using var hasher = context.Hasher("sitemap");
        foreach (var p in pages) hasher.Add(p);
        foreach (var p in posts) hasher.Add(p.Post.Url).Add(p.Post.Date);
        return new PageJob(Path.TrimStart('/'), hasher.Finish(), () => Render(context, posts, pages).AsMemory());
    }

    private static PageJob Robots(RenderContext context)
    {
        var sitemap = context.Urls.Absolute(Path);
        var text = "User-agent: *\nAllow: /\n" + (sitemap is null ? "" : $"Sitemap: {sitemap}\n");
        return new PageJob(RobotsPath.TrimStart('/'), InputHasher.Of(context.SiteHash, "robots"), () => System.Text.Encoding.UTF8.GetBytes(text).AsMemory());
    }

    private static byte[] Render(RenderContext context, IReadOnlyList<SitePost> posts, IReadOnlyList<string> pages)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlOutput.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages) Url(xml, context.Urls.Absolute(page)!, null);
            foreach (var site in posts)
                Url(xml, context.Urls.Absolute(site.Post.Url)!, site.Post.Date is { } d ? DisplayDates.Iso(d) : null);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void Url(XmlWriter xml, string location, string? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", location);
        if (lastModified is not null) xml.WriteElementString("lastmod", lastModified);
        xml.WriteEndElement();
    }
}
