using System.Text.RegularExpressions;
using Archivist.Content;
using Archivist.Settings;

namespace Archivist.Rendering;

/// <summary>
/// Paths the site's own pages use. A post whose URL lands on one (a post titled "Index" under a
/// <c>/{slug}/index.html</c> pattern, a front matter <c>url: /404.html</c>) is moved to a free slug with a
/// warning, so no post can overwrite or be overwritten by a site page. A permalink pattern that puts every
/// post on reserved paths (<c>/archive/{slug}.html</c>) is refused with the settings (<see cref="Covers"/>).
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

    /// <summary>
    /// The reserved path an ordinary post would get under <paramref name="pattern"/>, or null when ordinary
    /// posts land on free paths. Slugs only vary after the pattern's fixed text, so a sample slug stands for all.
    /// </summary>
    public static string? Covers(PermalinkPattern pattern)
    {
        var sample = new Post
        {
            Title = "A post", Slug = "a-post", Date = new DateOnly(2025, 10, 9), Text = PostText.Empty, Sources = Array.Empty<string>(),
            Url = pattern.Format(new DateOnly(2025, 10, 9), "a-post"),
        };
        return Clashes(sample) ? sample.Url : null;
    }

    public static IReadOnlyList<Post> Avoid(IReadOnlyList<Post> posts, PermalinkPattern pattern, ICollection<Diagnostic> diagnostics)
    {
        if (!posts.Any(Clashes)) return posts;
        var taken = new HashSet<string>(posts.Select(p => p.Url), StringComparer.OrdinalIgnoreCase);
        return posts.Select(post =>
        {
            if (!Clashes(post)) return post;
            // Each try is a different slug, so a different URL: within taken.Count + 1 tries one is untaken,
            // and the loop ends even if a pattern slipped past Covers and every candidate were reserved.
            for (var n = 1; n <= taken.Count + 1; n++)
            {
                var slug = n == 1 ? post.Slug + "-post" : $"{post.Slug}-post-{n}";
                var moved = post with { Slug = slug, Url = pattern.Format(post.Date, slug) };
                if (Clashes(moved) || !taken.Add(moved.Url)) continue;
                diagnostics.Add(Diagnostic.Warning(post.Sources.FirstOrDefault() ?? "", null,
                    $"\"{post.Title}\" would be at {post.Url}, which the site's own pages use; it is at {moved.Url} instead"));
                return moved;
            }
            throw new SiteOptionsException(
                $"permalink '{pattern.Pattern}' leaves no free address for \"{post.Title}\" ({post.Url} is used by the site's own pages); choose another permalink pattern");
        }).ToList();
    }

    private static bool Clashes(Post post) =>
        IsReserved(SiteUrls.FileOf(post.Url)) || IsReserved(ContentAssembler.DocumentPath(post));
}
