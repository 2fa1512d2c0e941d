using System.Text.RegularExpressions;

namespace Archivist.Content;

/// <summary>
/// Gives every post a unique slug and URL. Slugs come from the title (or a front matter request) and
/// clashes get <c>-2</c>, <c>-3</c>… in a fixed order (date, seed file, line), so a post's URL only
/// changes if a new seed brings a same-titled post that sorts before it.
/// </summary>
public static partial class PermalinkAssigner
{
    [GeneratedRegex(@"^/(?:[a-z0-9][a-z0-9_-]*/)*(?<slug>[a-z0-9][a-z0-9_-]*)\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeUrl();

    public static IReadOnlyList<Post> Assign(IReadOnlyList<ComposedPost> posts, PermalinkPattern pattern, ICollection<Diagnostic> diagnostics)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assigned = new List<Post>(posts.Count);
        var ordered = posts
            .OrderBy(p => p.Post.Date ?? DateOnly.MinValue)
            .ThenBy(p => p.Origin.File, StringComparer.Ordinal)
            .ThenBy(p => p.Origin.Line);
        foreach (var composed in ordered)
        {
            var (file, line) = composed.Origin;
            var baseSlug = Slugger.Slugify(composed.Post.Title);
            if (composed.RequestedSlug is { } requested)
            {
                var clean = Slugger.Slugify(requested);
                if (clean != requested)
                    diagnostics.Add(Diagnostic.Warning(file, line, $"slug '{requested}' is not a plain slug; using '{clean}'"));
                baseSlug = clean;
            }

            string? url = null;
            var slug = baseSlug;
            if (composed.RequestedUrl is { } requestedUrl)
            {
                var m = SafeUrl().Match(requestedUrl);
                if (m.Success && !taken.Contains(requestedUrl))
                {
                    url = requestedUrl;
                    slug = m.Groups["slug"].Value;
                }
                else if (requestedUrl != pattern.Format(composed.Post.Date, baseSlug))
                {
                    diagnostics.Add(Diagnostic.Warning(file, line, m.Success
                        ? $"url '{requestedUrl}' is already used by another post; a new one was given"
                        : $"url '{requestedUrl}' is not a safe site path like /2025/10/my-post.html; ignored"));
                }
            }
            if (url is null)
            {
                for (var n = 1; ; n++)
                {
                    slug = n == 1 ? baseSlug : $"{baseSlug}-{n}";
                    url = pattern.Format(composed.Post.Date, slug);
                    if (!taken.Contains(url)) break;
                }
            }
            taken.Add(url);
            assigned.Add(composed.Post with { Slug = slug, Url = url });
        }
        return assigned;
    }
}
