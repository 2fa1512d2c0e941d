namespace Archivist.Content;

/// <summary>A post's body and its comment threads, as Markdown: the part of a post that is large.</summary>
public sealed record PostText(string Body, ValueList<Comment> Comments)
{
    public static PostText Empty { get; } = new("", ValueList<Comment>.Empty);

    /// <summary>All comments, replies included.</summary>
    public int CommentCount => Comments.Sum(c => c.TotalCount);

    /// <summary>Every comment in reading order, replies after their parent.</summary>
    public IEnumerable<Comment> AllComments() => Comments.SelectMany(c => c.SelfAndReplies());
}
