namespace Archivist.Content;

/// <summary>
/// One blog post as the archive knows it: the contract between the importer, the Markdown documents,
/// the renderer and the search index. Body and comment texts are Markdown.
/// </summary>
public sealed record Post
{
    public required string Title { get; init; }

    /// <summary>Publication date, or null when neither the seed nor its text says.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>True when <see cref="Date"/> was estimated from evidence in the text, not stated.</summary>
    public bool DateEstimated { get; init; }

    /// <summary>True when <see cref="Title"/> was inferred from the text, not stated.</summary>
    public bool TitleInferred { get; init; }

    public required string Slug { get; init; }

    /// <summary>Blogger-compatible path: <c>/yyyy/mm/slug.html</c>, or <c>/undated/slug.html</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Seed file names this post was found in (several when duplicates were merged).</summary>
    public required ValueList<string> Sources { get; init; }

    public required string Body { get; init; }

    public ValueList<Comment> Comments { get; init; }

    /// <summary>All comments, replies included.</summary>
    public int CommentCount => Comments.Sum(c => c.TotalCount);

    /// <summary>Every comment in reading order, replies after their parent.</summary>
    public IEnumerable<Comment> AllComments() => Comments.SelectMany(c => c.SelfAndReplies());
}

/// <summary>A reader comment. Ids are stable deep-link anchors: <c>c3</c>, and <c>c3-2</c> for its second reply.</summary>
public sealed record Comment(string Id, string Text, ValueList<Comment> Replies)
{
    public int TotalCount => 1 + Replies.Sum(r => r.TotalCount);

    public IEnumerable<Comment> SelfAndReplies() => Replies.SelectMany(r => r.SelfAndReplies()).Prepend(this);

    public static string TopLevelId(int number) => $"c{number}";
    public static string ReplyId(string parentId, int number) => $"{parentId}-{number}";
}
