using Archivist.Content;

namespace Archivist.Search.Querying;

/// <summary>
/// The text of a passage as a reader sees it: for <c>post</c>, the body (a title match shows the body's
/// opening); for a comment id, that comment. The same plain text the index was built from.
/// </summary>
public static class PassageText
{
    public static string Of(Post post, string where)
    {
        if (where == PassageLocator.Post) return MarkdownSyntax.ToPlainText(post.Body);
        var comment = post.AllComments().FirstOrDefault(c => c.Id == where);
        return comment is null ? MarkdownSyntax.ToPlainText(post.Body) : MarkdownSyntax.ToPlainText(comment.Text);
    }
}
