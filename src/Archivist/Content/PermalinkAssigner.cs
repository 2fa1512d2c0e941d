using System.Text.RegularExpressions;

namespace Archivist.Content;

/// <summary>
/// Gives every post a unique slug and URL. Slugs come from the title (or a front matter request) and
/// clashes get <c>-2</c>, <c>-3</c>… as Blogger did, in a fixed order: date, then seed file (ordinal)
/// and line — undated posts, which all sort first, by file and line alone. So a post's URL only changes
/// if a new seed brings a same-titled post that sorts before it (never a newer post), and each suffix
/// is reported with a note naming the post that holds the plain URL. A URL the site's own pages use
/// (<see cref="ReservedPaths"/>: a post titled "Index" under <c>/{yyyy}/{mm}/{slug}.html</c>, a front matter
/// <c>url: /404.html</c>) is never given: the post gets <c>-post</c> after its slug, with a warning.
/// </summary>
public static partial class PermalinkAssigner
{
    [GeneratedRegex(@"^/(?:[a-z0-9][a-z0-9_-]*/)*(?<slug>[a-z0-9][a-z0-9_-]*)\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeUrl();

    public static IReadOnlyList<Post> Assign(IReadOnlyList<IncomingPost> posts, PermalinkPattern pattern, ReservedPaths reserved, ICollection<Diagnostic> diagnostics)
    {
        var taken = new Dictionary<string, IncomingPost>(posts.Count, StringComparer.OrdinalIgnoreCase);
        var assigned = new List<Post>(posts.Count);
        // Each post's own candidate (slug, plain URL and its checks) depends on nothing else: made on every core. Only
        // handing out URLs in order, which decides the -2, -3… suffixes, is sequential.
        var candidates = new Candidate[posts.Count];
        Parallel.For(0, posts.Count, i => candidates[i] = Candidate.Of(posts[i], pattern, reserved));
        var order = new int[posts.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => CompareForAssignment(posts[a], posts[b]) is var c && c != 0 ? c : a.CompareTo(b));
        foreach (var index in order)
        {
            var composed = posts[index];
            var candidate = candidates[index];
            var (file, line) = composed.Origin;
            var baseSlug = candidate.Slug;
            if (composed.RequestedSlug is { } requested)
            {
                var clean = candidate.Slug;
                if (clean != requested)
                    diagnostics.Add(Diagnostic.Warning(file, line, WindowsNames.IsReserved(requested)
                        ? $"slug '{requested}' is a name Windows reserves; using '{clean}'"
                        : $"slug '{requested}' is not a plain slug; using '{clean}'"));
                baseSlug = clean;
            }

            string? url = null;
            string? siteOwned = null; // the reserved URL the post would have had
            var slug = baseSlug;
            if (composed.RequestedUrl is { } requestedUrl)
            {
                var m = SafeUrl().Match(requestedUrl);
                if (m.Success && WindowsNames.AnyReserved(requestedUrl)) m = Match.Empty;
                if (m.Success && !taken.ContainsKey(requestedUrl) && reserved.Clashes(requestedUrl))
                {
                    siteOwned = requestedUrl;
                    baseSlug = m.Groups["slug"].Value + "-post";
                }
                else if (m.Success && !taken.ContainsKey(requestedUrl))
                {
                    url = requestedUrl;
                    slug = m.Groups["slug"].Value;
                }
                else if (requestedUrl != pattern.Format(composed.Post.Date, baseSlug))
                {
                    diagnostics.Add(Diagnostic.Warning(file, line, m.Success
                        ? $"url '{requestedUrl}' is already used by another post; a new one was given"
                        : $"url '{requestedUrl}' is not a safe site path like /2025/10/my-post.html (lower-case letters, digits, '-', '_', no name Windows reserves such as 'con'); ignored"));
                }
            }
            if (url is null)
            {
                // The plain URL is made and checked against the site's own paths once (10,000 posts a build).
                var plain = baseSlug == candidate.Slug ? candidate.Plain : pattern.Format(composed.Post.Date, baseSlug);
                var plainIsFree = false; // of the site's own paths
                if (siteOwned is null)
                {
                    if (candidate.Clashes(plain, reserved))
                    {
                        siteOwned = plain;
                        baseSlug += "-post";
                        plain = pattern.Format(composed.Post.Date, baseSlug);
                    }
                    else plainIsFree = true;
                }
                for (var n = 1; ; n++)
                {
                    slug = n == 1 ? baseSlug : $"{baseSlug}-{n}";
                    url = n == 1 ? plain : pattern.Format(composed.Post.Date, slug);
                    // The pattern's letters next to the slug could still spell a reserved name ("/co{slug}.html" and "n").
                    if (!taken.ContainsKey(url) && !candidate.WindowsReserved(url) && ((n == 1 && plainIsFree) || !candidate.Clashes(url, reserved))) break;
                    // Each try is a different URL, so within taken.Count + 2 tries one is untaken: past that, every one is
                    // reserved. Settings refuse such a pattern (ReservedPaths.Covers); this keeps the loop finite regardless.
                    if (n > taken.Count + 2 && reserved.Clashes(url))
                        throw new ArgumentException(
                            $"permalink '{pattern.Pattern}' leaves no free address for \"{composed.Post.Title}\" ({url} is used by the site's own pages); choose another permalink pattern");
                }
                if (siteOwned is not null)
                    diagnostics.Add(Diagnostic.Warning(file, line,
                        $"\"{composed.Post.Title}\" would be at {siteOwned}, which the site's own pages use; it is at {url} instead"));
                if (url != plain && taken.TryGetValue(plain, out var holder))
                    diagnostics.Add(Diagnostic.Info(file, line,
                        $"\"{composed.Post.Title}\" is at {url}: {plain} belongs to \"{holder.Post.Title}\" ({holder.Origin.File}:{holder.Origin.Line}), " +
                        "which comes first by date, then file and line; set 'slug:' in the front matter to choose the URL"));
            }
            taken.Add(url, composed);
            assigned.Add(composed.Post with { Slug = slug, Url = url });
        }
        return assigned;
    }

    /// <summary>Date, then seed file (ordinal) and line; undated posts first.</summary>
    private static int CompareForAssignment(IncomingPost a, IncomingPost b)
    {
        var byDate = (a.Post.Date ?? DateOnly.MinValue).CompareTo(b.Post.Date ?? DateOnly.MinValue);
        if (byDate != 0) return byDate;
        var byFile = string.CompareOrdinal(a.Origin.File, b.Origin.File);
        return byFile != 0 ? byFile : a.Origin.Line.CompareTo(b.Origin.Line);
    }

    /// <summary>
    /// A post's slug (from a requested slug, else its title), the plain URL that slug gives, and whether the site's own
    /// paths or Windows names rule that URL out: both checks depend on the URL alone, so they are asked of it by URL.
    /// </summary>
    private readonly record struct Candidate(string Slug, string Plain, bool PlainClashes, bool PlainWindowsReserved)
    {
        public bool Clashes(string url, ReservedPaths reserved) => url == Plain ? PlainClashes : reserved.Clashes(url);

        public bool WindowsReserved(string url) => url == Plain ? PlainWindowsReserved : WindowsNames.AnyReserved(url);

        public static Candidate Of(IncomingPost post, PermalinkPattern pattern, ReservedPaths reserved)
        {
            var slug = Slugger.Slugify(post.RequestedSlug ?? post.Post.Title);
            var plain = pattern.Format(post.Post.Date, slug);
            return new Candidate(slug, plain, reserved.Clashes(plain), WindowsNames.AnyReserved(plain));
        }
    }
}
