using System.Text.RegularExpressions;
using Archivist.Content;

namespace Archivist.Rendering;

/// <summary>
/// Paths the site's own pages use. A post whose URL lands on one (a post titled "Index" under a
/// <c>/{slug}/index.html</c> pattern, a front matter <c>url: /404.html</c>) is moved to a free slug with a
/// warning, so no post can overwrite or be overwritten by a site page.
/// </summary>
public static partial class ReservedPaths
{
    private static readonly HashSet<string> Files = new(StringComparer.OrdinalIgnoreCase)
        { "index.html", StaticPages.NotFoundFile, "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll" };

    private static readonly string[] Folders = ["page/", "archive/", "search/", "about/", "assets/", "search-index/", "undated/index."];

    [GeneratedRegex(@"^\d{4}/(?:\d{2}/)?index\.", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodIndex();

    public static bool IsReserved(string file) =>
        Files.Contains(file) || Folders.Any(f => file.StartsWith(f, StringComparison.OrdinalIgnoreCase)) || PeriodIndex().IsMatch(file);

    public static IReadOnlyList<Post> Avoid(IReadOnlyList<Post> posts, PermalinkPattern pattern, ICollection<Diagnostic> diagnostics)
    {
        if (!posts.Any(Clashes)) return posts;
        var taken = new HashSet<string>(posts.Select(p => p.Url), StringComparer.OrdinalIgnoreCase);
        return posts.Select(post =>
        {
            if (!Clashes(post)) return post;
            for (var n = 1; ; n++)
            {
                var slug = n == 1 ? post.Slug + "-post" : $"{post.Slug}-post-{n}";
                var moved = post with { Slug = slug, Url = pattern.Format(post.Date, slug) };
                if (Clashes(moved) || !taken.Add(moved.Url)) continue;
                diagnostics.Add(Diagnostic.Warning(post.Sources.FirstOrDefault() ?? "", null,
                    $"\"{post.Title}\" would be at {post.Url}, which the site's own pages use; it is at {moved.Url} instead"));
                return moved;
            }
        }).ToList();
    }

    private static bool Clashes(Post post) =>
        IsReserved(SiteUrls.FileOf(post.Url)) || IsReserved(ContentAssembler.DocumentPath(post));
}
