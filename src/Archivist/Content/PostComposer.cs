using Archivist.Seeds;

namespace Archivist.Content;

/// <summary>A post on its way into the archive, with what is needed to place it deterministically.</summary>
/// <param name="Origin">Seed file and line it came from; orders ties and names it in messages.</param>
/// <param name="RequestedSlug">A slug asked for in front matter, not yet validated.</param>
/// <param name="RequestedUrl">A URL asked for in a finished <c>.md</c> seed, not yet validated.</param>
public sealed record IncomingPost(Post Post, (string File, int Line) Origin, string? RequestedSlug = null, string? RequestedUrl = null);

/// <summary>Turns a parsed seed post into the Markdown post model, numbering comments for deep links.</summary>
public static class PostComposer
{
    public static IncomingPost Compose(SeedPost seed)
    {
        var comments = seed.Comments.Select((c, i) => ComposeComment(c, Comment.TopLevelId(i + 1))).ToList();
        var post = new Post
        {
            Title = seed.Title,
            Date = seed.Date,
            DateEstimated = seed.DateEstimated,
            TitleInferred = seed.TitleInferred,
            Slug = "",
            Url = "",
            Sources = new[] { seed.Source },
            Text = new PostText(BlockMarkdownWriter.Write(seed.Body), comments),
            CommentsCaptured = seed.CommentsCaptured,
        };
        return new IncomingPost(post, (seed.Source, seed.Line), seed.RequestedSlug);
    }

    private static Comment ComposeComment(SeedComment seed, string id) =>
        new(id, BlockMarkdownWriter.Write(seed.Blocks),
            seed.Replies.Select((r, i) => ComposeComment(r, Comment.ReplyId(id, i + 1))).ToList())
        {
            Author = seed.Author,
            Published = seed.Published,
        };
}
