using System.Globalization;
using System.Text;

namespace Archivist.Content;

/// <summary>
/// Writes a post as a Markdown document with YAML front matter — the archive's portable format.
/// Keys always come in the same order and each scalar gets a fixed style, so output is deterministic;
/// multi-line Markdown goes in literal blocks so the document stays readable.
/// </summary>
public static class PostDocumentWriter
{
    /// <summary>The document of a post that carries its text.</summary>
    public static string Write(Post post) => Write(post, PostTexts.Carried.Of(post));

    public static string Write(Post post, PostText text)
    {
        var sb = new StringBuilder(text.Body.Length + text.Comments.Sum(c => c.Text.Length) * 2 + 512);
        Write(post, text, sb);
        return sb.ToString();
    }

    /// <summary>Appends the document to <paramref name="sb"/> (the site's copy is built in a reused buffer).</summary>
    public static void Write(Post post, PostText text, StringBuilder sb)
    {
        sb.Append("---\n");
        Line(sb, "title", post.Title);
        sb.Append("date: ").Append(post.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null").Append('\n');
        sb.Append("date_estimated: ").Append(post.DateEstimated ? "true" : "false").Append('\n');
        sb.Append("title_inferred: ").Append(post.TitleInferred ? "true" : "false").Append('\n');
        Line(sb, "slug", post.Slug);
        Line(sb, "url", post.Url);
        sb.Append("sources:");
        if (post.Sources.Count == 0) sb.Append(" []");
        foreach (var source in post.Sources)
        {
            sb.Append("\n- ");
            YamlScalarWriter.Append(sb, source, 2);
        }
        sb.Append('\n');
        // null: the source had no comment section, so the number is unknown (not zero).
        sb.Append("comment_count: ").Append(post.KnownCommentCount?.ToString(CultureInfo.InvariantCulture) ?? "null").Append('\n');
        sb.Append("comments:");
        if (text.Comments.Count == 0) sb.Append(" []");
        Comments(sb, text.Comments, 0);
        sb.Append('\n');
        sb.Append("---\n");
        if (text.Body.Length > 0) sb.Append('\n').Append(text.Body).Append('\n');
    }

    private static void Line(StringBuilder sb, string key, string value)
    {
        sb.Append(key).Append(": ");
        YamlScalarWriter.Append(sb, value, 2);
        sb.Append('\n');
    }

    /// <summary>A block sequence of mappings at <paramref name="indent"/>: <c>- id: c1</c>, <c>text: …</c>, <c>replies:</c>.</summary>
    private static void Comments(StringBuilder sb, ValueList<Comment> comments, int indent)
    {
        foreach (var comment in comments)
        {
            sb.Append('\n').Append(' ', indent).Append("- id: ");
            YamlScalarWriter.Append(sb, comment.Id, indent + 2);
            if (comment.Author is { } author)
            {
                sb.Append('\n').Append(' ', indent + 2).Append("author: ");
                YamlScalarWriter.Append(sb, author, indent + 4);
            }
            if (comment.PublishedIso is { } published) sb.Append('\n').Append(' ', indent + 2).Append("published: ").Append(published);
            sb.Append('\n').Append(' ', indent + 2).Append("text: ");
            YamlScalarWriter.Append(sb, comment.Text, indent + 4);
            if (comment.Replies.Count > 0)
            {
                sb.Append('\n').Append(' ', indent + 2).Append("replies:");
                Comments(sb, comment.Replies, indent + 2);
            }
        }
    }
}
