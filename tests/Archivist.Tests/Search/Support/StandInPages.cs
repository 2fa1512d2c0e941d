using System.Net;
using System.Text;
using Archivist.Content;
using Markdig;

namespace Archivist.Tests.Search.Support;

/// <summary>
/// Minimal post pages and a search page that honour the website's contract with the search client
/// (templates/README.md): data-passage on the title, body and each comment's text, comment ids as anchors,
/// and templates/pages/search.sbn-html with its ids. Enough for browser tests of the search page on this branch.
/// </summary>
public static class StandInPages
{
    public static void WriteSite(string root, IReadOnlyList<Post> posts, string indexFolder)
    {
        foreach (var post in posts)
        {
            var path = Path.Combine(root, post.Url.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, PostPage(post));
        }
        var search = File.ReadAllText(Path.Combine(Tests.Support.RepoPaths.Templates, "pages", "search.sbn-html"))
            .Replace("{{ site.base_path }}", "/")
            .Replace("{{ search_index_url }}", "/" + indexFolder.Trim('/') + "/");
        search = System.Text.RegularExpressions.Regex.Replace(search, "\\{\\{ url \"([^\"]*)\" \\}\\}", "$1");
        Directory.CreateDirectory(Path.Combine(root, "search"));
        File.WriteAllText(Path.Combine(root, "search", "index.html"), Layout("Search", search));
        var assets = Path.Combine(root, "assets", "search");
        Directory.CreateDirectory(assets);
        foreach (var file in Directory.GetFiles(Path.Combine(Tests.Support.RepoPaths.Templates, "assets", "search")))
            File.Copy(file, Path.Combine(assets, Path.GetFileName(file)), overwrite: true);
    }

    private static string Layout(string title, string main) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><main>{main}</main></body></html>";

    private static string PostPage(Post post)
    {
        var sb = new StringBuilder();
        sb.Append("<article><h1 data-passage=\"title\">").Append(WebUtility.HtmlEncode(post.Title)).Append("</h1>");
        sb.Append("<div data-passage=\"body\">").Append(Markdown.ToHtml(post.Text!.Body, MarkdownSyntax.Pipeline)).Append("</div></article>");
        sb.Append("<ol>");
        foreach (var c in post.Text!.Comments) AppendComment(sb, c);
        sb.Append("</ol>");
        return Layout(post.Title, sb.ToString());
    }

    private static void AppendComment(StringBuilder sb, Comment c)
    {
        sb.Append("<li id=\"").Append(c.Id).Append("\"><div data-passage=\"").Append(c.Id).Append("\">")
          .Append(Markdown.ToHtml(c.Text, MarkdownSyntax.Pipeline)).Append("</div>");
        if (c.Replies.Count > 0)
        {
            sb.Append("<ol>");
            foreach (var r in c.Replies) AppendComment(sb, r);
            sb.Append("</ol>");
        }
        sb.Append("</li>");
    }
}
