using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>
/// JSON-LD for search engines: a <c>BlogPosting</c> with its comments (each with its permalink and the
/// start of its text) and a <c>WebSite</c> for other pages. The encoder escapes &lt;, &gt; and &amp;, so
/// no seed text can close the script element it sits in.
/// </summary>
public static class StructuredData
{
    public const int CommentTextLength = 160;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    public static string BlogPosting(RenderContext context, Post post, PostText text, string description)
    {
        return Write(json =>
        {
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "BlogPosting");
            json.WriteString("headline", post.Title);
            json.WriteString("description", description);
            if (context.Urls.Absolute(post.Url) is { } url)
            {
                json.WriteString("url", url);
                json.WriteString("mainEntityOfPage", url);
            }
            if (post.Date is { } d) json.WriteString("datePublished", DisplayDates.Iso(d));
            if (context.Options.Author.Length > 0)
            {
                json.WriteStartObject("author");
                json.WriteString("@type", "Person");
                json.WriteString("name", context.Options.Author);
                json.WriteEndObject();
            }
            json.WriteString("inLanguage", context.Options.Language);
            if (post.KnownCommentCount is { } count) json.WriteNumber("commentCount", count); // unknown: omitted, not 0
            WriteComments(json, context.Urls.AbsoluteOrLocal(post.Url) + "#", text.Comments);
        });
    }

    public static string WebSite(RenderContext context) => Write(json =>
    {
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "WebSite");
        json.WriteString("name", context.Options.Title);
        if (context.Options.Description.Length > 0) json.WriteString("description", context.Options.Description);
        if (context.Urls.Absolute("/") is { } url) json.WriteString("url", url);
        json.WriteString("inLanguage", context.Options.Language);
    });

    private static void WriteComments(Utf8JsonWriter json, string permalinkBase, ValueList<Comment> comments)
    {
        if (comments.Count == 0) return;
        json.WriteStartArray("comment");
        foreach (var c in comments)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Comment");
            var permalink = permalinkBase + c.Id;
            json.WriteString("@id", permalink);
            json.WriteString("url", permalink);
            if (c.Author is { } author)
            {
                json.WriteStartObject("author");
                json.WriteString("@type", "Person");
                json.WriteString("name", author);
                json.WriteEndObject();
            }
            if (c.PublishedIso is { } published) json.WriteString("dateCreated", published);
            json.WriteString("text", Excerpts.FromMarkdownSource(c.Text, CommentTextLength));
            WriteComments(json, permalinkBase, c.Replies);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
