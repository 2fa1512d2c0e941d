using Archivist.Content;
using Archivist.Hashing;

namespace Archivist.Rendering;

/// <summary>
/// Each post's Markdown document beside its page (<c>slug.md</c>, linked from the page as its source): the post with
/// its front matter, as <c>archivist import</c> writes it. It depends on the post alone, so it is made while the search
/// stage is still working out the related posts the post pages wait for.
/// </summary>
public sealed class PostDocuments : PageKind
{
    public override string Name => "post-document";

    public override IEnumerable<PageJob> Plan(SiteInput site) => site.Posts.Select(post =>
        new PageJob(ContentAssembler.DocumentPath(post.Post), HashBuilder.Of(site.Context.SiteHash, "md", post.PageDigest),
            () => site.Context.Text(sb => PostDocumentWriter.Write(post.Post, post.Text, sb))));
}
