using Archivist.Content;
using Archivist.Hashing;
using Archivist.Rendering.Views;
using Archivist.Settings;

namespace Archivist.Rendering;

/// <summary>
/// What every page renderer shares in one build: the frozen settings, URL rules, compiled templates and
/// one Markdown renderer per thread. <see cref="SiteHash"/> covers all of it, so any change to settings,
/// templates or the tool itself renders every page again.
/// </summary>
public sealed class RenderContext : IDisposable
{
    private readonly ThreadLocal<MarkdownHtml> _markdown;
    // As the templates' renderers (TemplateSet): builders shared by the threads writing at the same moment, bytes per thread.
    private readonly System.Collections.Concurrent.ConcurrentBag<System.Text.StringBuilder> _idleText = [];
    private readonly ThreadLocal<Utf8Buffer> _textBytes = new(() => new Utf8Buffer());

    public RenderContext(SiteOptions options, TemplateSet templates, string siteHash)
    {
        Options = options;
        Urls = new SiteUrls(options);
        Links = new LinkPolicy(Urls);
        Templates = templates;
        SiteHash = siteHash;
        Site = new SiteView(options.Title, options.Description, options.Author, options.Language, options.BasePath);
        _markdown = new ThreadLocal<MarkdownHtml>(() => new MarkdownHtml(Links));
    }

    public SiteOptions Options { get; }
    public SiteUrls Urls { get; }
    public LinkPolicy Links { get; }
    public TemplateSet Templates { get; }
    public string SiteHash { get; }
    public SiteView Site { get; }

    /// <summary>This thread's Markdown renderer.</summary>
    public MarkdownHtml Markdown => _markdown.Value!;

    /// <summary>A page's bytes, valid until this thread renders another page (see <see cref="TemplateSet.RenderPage"/>).</summary>
    public ReadOnlyMemory<byte> Page(string template, object model, PageHead head, string kind) =>
        Templates.RenderPage(template, model, new LayoutView(Site, head, kind));

    /// <summary>
    /// The UTF-8 of what <paramref name="write"/> appends, built in this thread's reused buffers: valid until this
    /// thread renders another text (as <see cref="Page"/>'s bytes are).
    /// </summary>
    public ReadOnlyMemory<byte> Text(Action<System.Text.StringBuilder> write)
    {
        var text = _idleText.TryTake(out var idle) ? idle : new System.Text.StringBuilder(1 << 16);
        text.Clear();
        write(text);
        var bytes = _textBytes.Value!.Encode(text);
        _idleText.Add(text);
        return bytes;
    }

    /// <summary>A page head; the title gets the site's name appended unless it is the site's name.</summary>
    public PageHead Head(string title, string sitePath, string? description = null, string ogType = "website", string? jsonLd = null,
        string? publishedTime = null, string? prev = null, string? next = null) =>
        new(title == Options.Title ? title : $"{title} – {Options.Title}", description ?? Options.Description,
            Urls.Absolute(sitePath), ogType, jsonLd is null ? null : new TrustedHtml(jsonLd), publishedTime, prev, next);

    public static DateView? DateOf(Post post) => post.Date is { } d
        ? new DateView(DisplayDates.Iso(d), DisplayDates.Long(d), DisplayDates.Short(d), post.DateEstimated)
        : null;

    public PostSummaryView Summary(PostForPages post, bool withExcerpt = true) => new(
        post.Post.Title, post.Post.TitleInferred, Urls.Local(post.Post.Url), DateOf(post.Post),
        withExcerpt ? post.Excerpt : "", post.Post.CommentCount, post.Post.CommentsCaptured, CommentsLabels.Of(post.Post.KnownCommentCount));

    /// <summary>Starts an input hash with everything all pages depend on.</summary>
    public HashBuilder Hasher(string kind) => new HashBuilder().Add(SiteHash).Add(kind);

    public void Dispose()
    {
        _markdown.Dispose();
        _textBytes.Dispose();
    }
}
