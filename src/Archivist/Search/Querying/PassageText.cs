using Archivist.Content;

namespace Archivist.Search.Querying;

/// <summary>
/// The text of a passage as a reader sees it: for <c>post</c>, the body (a title match shows the body's
/// opening); for a comment id, that comment. The same plain text the index was built from.
/// </summary>
public static class PassageText
{
    /// <param name="post">A post read from its document, which carries its text.</param>
    public static string Of(Post post, string where)
    {
        var text = PostTexts.Carried.Of(post);
        if (where == PassageLocator.Post) return MarkdownSyntax.ToPlainText(text.Body);
        var comment = text.AllComments().FirstOrDefault(c => c.Id == where);
        return comment is null ? MarkdownSyntax.ToPlainText(text.Body) : MarkdownSyntax.ToPlainText(comment.Text);
    }
}
