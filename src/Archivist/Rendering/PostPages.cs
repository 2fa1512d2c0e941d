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
        var (context, posts) = (site.Context, site.Posts);
        // What a page shows of another post (a neighbour or a related post), and each page's inputs but its related
        // posts, are worked out while the search stage may still be finding those: the part left after is small.
        var shown = new string[posts.Count];
        var order = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        for (var i = 0; i < posts.Count; i++)
        {
            shown[i] = ShownDigest(posts[i].Post);
            order[posts[i].Post.Url] = i;
        }
        var withoutRelated = new string[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            using var hasher = context.Hasher("post").Add(posts[i].PageDigest);
            withoutRelated[i] = hasher.Add(i > 0 ? shown[i - 1] : null).Add(i + 1 < posts.Count ? shown[i + 1] : null).Finish();
        }
        var related = site.Related?.GetAwaiter().GetResult();
        var jobs = new PageJob[posts.Count];
        using (var hasher = new HashBuilder())
            for (var i = 0; i < posts.Count; i++)
            {
                var post = posts[i];
                var newer = i > 0 ? posts[i - 1].Post : null;
                var older = i + 1 < posts.Count ? posts[i + 1].Post : null;
                var relatedOrder = related is not null && related.TryGetValue(post.Post.Url, out var urls) ? urls.Select(u => order[u]).ToArray() : [];
                hasher.Add(withoutRelated[i]).Add(relatedOrder.Length);
                foreach (var r in relatedOrder) hasher.Add(shown[r]);
                IReadOnlyList<Post> relatedPosts = [.. relatedOrder.Select(r => posts[r].Post)];
                jobs[i] = new PageJob(SiteUrls.FileOf(post.Post.Url), hasher.Finish(), () => Render(context, post, newer, older, relatedPosts));
            }
        return jobs;
    }

    /// <summary>A digest of what a post page shows of another post: its title, URL and date.</summary>
    private static string ShownDigest(Post post)
    {
        using var hasher = new HashBuilder();
        return hasher.Add(post.Title).Add(post.Url).Add(post.Date).Add(post.DateEstimated).Finish();
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
