using Archivist.Content;
using Archivist.Rendering.Views;
using Archivist.Hashing;

namespace Archivist.Rendering;

/// <summary>
/// Each post's page, at its URL. A page depends on its post, on its neighbours' titles and URLs, and on its related
/// posts' titles, URLs and dates.
/// </summary>
public sealed class PostPages : PageKind
{
    public override string Name => "post";
    public override IReadOnlyList<string> Templates => ["post"];
    public override bool ShowsRelatedPosts => true;

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var (context, posts, related) = (site.Context, site.Posts, site.Related);
        var byUrl = related is null ? null : posts.ToDictionary(p => p.Post.Url, p => p.Post, StringComparer.Ordinal);
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            var newer = i > 0 ? posts[i - 1].Post : null;
            var older = i + 1 < posts.Count ? posts[i + 1].Post : null;
            IReadOnlyList<Post> relatedPosts = related is not null && related.TryGetValue(post.Post.Url, out var urls) ? [.. urls.Select(u => byUrl![u])] : [];
            using var hasher = context.Hasher("post").Add(post.PageDigest)
                .Add(newer?.Title).Add(newer?.Url).Add(older?.Title).Add(older?.Url);
            hasher.Add(relatedPosts.Count);
            foreach (var r in relatedPosts) hasher.Add(r.Title).Add(r.Url).Add(r.Date).Add(r.DateEstimated);
            yield return new PageJob(SiteUrls.FileOf(post.Post.Url), hasher.Finish(), () => Render(context, post, newer, older, relatedPosts));
        }
    }

    /// <summary>Where a post belongs in the archive: its month, or the undated posts.</summary>
    public static LinkView PeriodOf(Post post, SiteUrls urls) => post.Date is { } d
        ? new LinkView(DisplayDates.MonthYear(d.Year, d.Month), urls.Local(ArchivePages.MonthPath(d.Year, d.Month)))
        : new LinkView("Undated posts", urls.Local(ArchivePages.UndatedPath));

    private static ReadOnlyMemory<byte> Render(RenderContext context, PostForPages site, Post? newer, Post? older, IReadOnlyList<Post> related)
    {
        var post = site.Post;
        var text = site.Text;
        var markdown = context.Markdown;
        var bodyHtml = markdown.Render(text.Body, headingFloor: 2, userContent: false);
        var comments = text.Comments.Select(c => Comment(c, 0, markdown)).ToList();
        var view = new PostArticleView(post.Title, post.TitleInferred, context.Urls.Local(post.Url), RenderContext.DateOf(post),
            new TrustedHtml(bodyHtml), comments, post.CommentCount, context.Urls.Local("/" + ContentAssembler.DocumentPath(post)),
            post.CommentsCaptured, CommentsLabels.Of(post.KnownCommentCount));
        var page = new PostPageView(context.Site, view,
            newer is null ? null : new LinkView(newer.Title, context.Urls.Local(newer.Url)),
            older is null ? null : new LinkView(older.Title, context.Urls.Local(older.Url)),
            PeriodOf(post, context.Urls),
            [.. related.Select(r => new RelatedPostView(r.Title, context.Urls.Local(r.Url), RenderContext.DateOf(r)))]);
        var description = Excerpts.Cut(site.Excerpt, 200);
        var head = context.Head(post.Title, post.Url, description, "article",
            StructuredData.BlogPosting(context, post, text, description),
            post.Date is { } d && !post.DateEstimated ? DisplayDates.Timestamp(d) : null); // an estimate is not a publication time to announce
        return context.Page("post", page, head, "post");
    }

    private static CommentView Comment(Comment comment, int depth, MarkdownHtml markdown)
    {
        var html = markdown.Render(comment.Text, headingFloor: 3, userContent: true);
        var replies = comment.Replies.Select(r => Comment(r, depth + 1, markdown)).ToList();
        return new CommentView(comment.Id, comment.Id[1..].Replace('-', '.'), new TrustedHtml(html), replies, depth,
            comment.Author is { } author ? author + " said…" : null,
            comment.PublishedIso, comment.Published is { } time ? DisplayDates.CommentTime(time) : null);
    }
}
