using System.Net;
using System.Text;
using System.Text.Json;
using Archivist.Content;
using Markdig;

namespace Archivist.Bench;

/// <summary>
/// What the peers index and what snippets are read from, until the website branch's `archivist build` is
/// wired in: one plain HTML page per post (title, body and comments, with the post page's search contract:
/// data-passage on title, body and each comment, comment ids as anchors; data-pagefind-body on the content
/// so Pagefind indexes what a reader reads), and a JSON-lines file of the same texts for lunr.
/// </summary>
public static class StandInSite
{
    public static void Write(IReadOnlyList<Post> posts, string htmlDirectory, string lunrDocuments)
    {
        Directory.CreateDirectory(htmlDirectory);
        Parallel.ForEach(posts, post =>
        {
            var path = Path.Combine(htmlDirectory, post.Url.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Page(post));
        });
        using var writer = new StreamWriter(lunrDocuments, false, new UTF8Encoding(false));
        foreach (var post in posts)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                u = post.Url,
                t = post.Title,
                b = MarkdownSyntax.ToPlainText(post.Text!.Body),
                c = string.Join("\n\n", post.Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text))),
            }));
        }
    }

    private static string Page(Post post)
    {
        var sb = new StringBuilder(post.Text!.Body.Length * 2);
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(post.Title))
          .Append("</title></head><body><main data-pagefind-body><article><h1 data-passage=\"title\">").Append(WebUtility.HtmlEncode(post.Title))
          .Append("</h1><p><time>").Append(post.Date?.ToString("yyyy-MM-dd") ?? "").Append("</time></p><div data-passage=\"body\">")
          .Append(Markdown.ToHtml(post.Text!.Body, MarkdownSyntax.Pipeline)).Append("</div></article><section id=\"comments\"><ol>");
        foreach (var c in post.Text!.Comments) Comment(sb, c);
        return sb.Append("</ol></section></main></body></html>").ToString();
    }

    private static void Comment(StringBuilder sb, Comment c)
    {
        sb.Append("<li id=\"").Append(c.Id).Append("\"><div data-passage=\"").Append(c.Id).Append("\">")
          .Append(Markdown.ToHtml(c.Text, MarkdownSyntax.Pipeline)).Append("</div>");
        if (c.Replies.Count > 0)
        {
            sb.Append("<ol>");
            foreach (var r in c.Replies) Comment(sb, r);
            sb.Append("</ol>");
        }
        sb.Append("</li>");
    }
}
