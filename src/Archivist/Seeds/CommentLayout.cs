namespace Archivist.Seeds;

/// <summary>The three ways the seeds lay out reader comments.</summary>
public enum CommentLayout
{
    None,
    /// <summary><c>N comments:</c>, then <c>  1. text</c> with <c>ReplyDelete</c>/<c>Replies</c>/<c>Delete</c> lines.</summary>
    Numbered,
    /// <summary>No header, no blank lines; <c>ReplyDelete</c>/<c>Delete</c> glued to the next comment's first line.</summary>
    Flattened,
    /// <summary>No header, no markers: <c>  N. text</c> top-level, <c>    N. text</c> replies.</summary>
    Indented,
    /// <summary><c>N comments:</c>, then Blogger's bylines: <c>NAME said...</c> / time, or name and time above the text.</summary>
    Attributed,
}

/// <summary>Where a post's comments start and how they are laid out.</summary>
/// <param name="Start">Index of the first comment line within the post's lines.</param>
/// <param name="BodyEnd">Index one past the last body line (the <c>N comments:</c> header is in neither).</param>
/// <param name="DeclaredCount">The N of <c>N comments:</c>, when the seed states it.</param>
public sealed record CommentSection(CommentLayout Layout, int BodyEnd, int Start, int? DeclaredCount)
{
    public static CommentSection None(int lineCount) => new(CommentLayout.None, lineCount, lineCount, null);
}
