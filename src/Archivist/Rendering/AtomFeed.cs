using System.Text;
using System.Xml;

namespace Archivist.Rendering;

/// <summary>
/// <c>/feed.xml</c>: an Atom feed of the newest posts with their full text. Its <c>updated</c> is the newest
/// post's date, never the time of the build, so an unchanged archive gives the same bytes.
/// </summary>
public sealed class AtomFeed : PageKind
{
    public const string Path = "/feed.xml";
    public const int Entries = 50;

    public override string Name => "feed";
    public override IReadOnlyList<string> Reserved => [Path];

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var context = site.Context;
        var latest = site.Posts.Take(Entries).ToList();
        using var hasher = context.Hasher("feed");
        foreach (var p in latest) hasher.Add(p.Fingerprint);
        yield return new PageJob(Path.TrimStart('/'), hasher.Finish(), () => Render(context, latest).AsMemory());
    }

    private static byte[] Render(RenderContext context, IReadOnlyList<SitePost> latest)
    {
        var urls = context.Urls;
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlOutput.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, context.Options.Language);
            xml.WriteElementString("title", context.Options.Title);
            if (context.Options.Description.Length > 0) xml.WriteElementString("subtitle", context.Options.Description);
            xml.WriteElementString("id", IdOf(context, "/"));
            Link(xml, "self", urls.AbsoluteOrLocal(Path), "application/atom+xml");
            Link(xml, "alternate", urls.AbsoluteOrLocal("/"), "text/html");
            var newest = latest.Select(p => p.Post.Date).FirstOrDefault(d => d is not null);
            xml.WriteElementString("updated", newest is { } n ? DisplayDates.Timestamp(n) : "1970-01-01T00:00:00Z");
            if (context.Options.Author.Length > 0)
            {
                xml.WriteStartElement("author");
                xml.WriteElementString("name", context.Options.Author);
                xml.WriteEndElement();
            }
            xml.WriteElementString("generator", "Archivist");
            foreach (var site in latest) Entry(xml, context, site);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void Entry(XmlWriter xml, RenderContext context, SitePost site)
    {
        var post = site.Post;
        xml.WriteStartElement("entry");
        xml.WriteElementString("title", post.Title);
        xml.WriteElementString("id", IdOf(context, post.Url));
        Link(xml, "alternate", context.Urls.AbsoluteOrLocal(post.Url), "text/html");
        var stamp = post.Date is { } d ? DisplayDates.Timestamp(d) : "1970-01-01T00:00:00Z";
        xml.WriteElementString("published", stamp);
        xml.WriteElementString("updated", stamp);
        xml.WriteStartElement("summary");
        xml.WriteString(site.Excerpt);
        xml.WriteEndElement();
        xml.WriteStartElement("content");
        xml.WriteAttributeString("type", "html");
        xml.WriteString(context.Markdown.Render(post.Body, headingFloor: 2, userContent: false));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Atom ids must be absolute IRIs; without a site URL a tag: URI keeps them unique and stable.</summary>
    private static string IdOf(RenderContext context, string path) =>
        context.Urls.Absolute(path) ?? "tag:archivist.invalid,2000:" + path;

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}

/// <summary>Fixed XML output settings: UTF-8 without a byte order mark, '\n' line ends, indented.</summary>
internal static class XmlOutput
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };
}
