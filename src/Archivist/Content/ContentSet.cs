namespace Archivist.Content;

public sealed record ImportStats(int FilesRead, int FilesSkipped, long Bytes, int PostsFound, int Posts, int Comments);

/// <summary>The archive's posts, newest first (undated last), with what was learnt loading them.</summary>
public sealed record ContentSet(IReadOnlyList<Post> Posts, ImportStats Stats, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Assembles seed files into the archive: merges duplicates, gives every post its URL.</summary>
public static class ContentAssembler
{
    /// <param name="reserved">Paths the site's own pages use, which no post may take (none for Markdown documents alone).</param>
    /// <param name="texts">Where the texts of posts that do not carry them are read; by default, posts carry them.</param>
    public static ContentSet Assemble(IReadOnlyList<SeedFileResult> files, PermalinkPattern pattern, ReservedPaths? reserved = null, PostTexts? texts = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var f in files) diagnostics.AddRange(f.Diagnostics);
        var composed = files.SelectMany(f => f.Posts).ToList();
        var merged = DuplicateMerger.Merge(composed, texts ?? PostTexts.Carried, diagnostics);
        // Dated posts first, newest first, then by URL: URLs are unique, so the order is total and an unstable sort is
        // deterministic. (List.Sort with a comparison runs precompiled code; LINQ's sorter over a date key was compiled at
        // run time, every build.)
        var posts = PermalinkAssigner.Assign(merged, pattern, reserved ?? ReservedPaths.None, diagnostics).ToList();
        posts.Sort(static (a, b) => a.Date is { } x
            ? b.Date is { } y ? (x != y ? y.CompareTo(x) : string.CompareOrdinal(a.Url, b.Url)) : -1
            : b.Date is null ? string.CompareOrdinal(a.Url, b.Url) : 1);
        var stats = new ImportStats(
            FilesRead: files.Count(f => !f.Skipped),
            FilesSkipped: files.Count(f => f.Skipped),
            Bytes: files.Sum(f => f.Bytes),
            PostsFound: composed.Count,
            Posts: posts.Count,
            Comments: posts.Sum(p => p.CommentCount));
        var sorted = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line ?? 0).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        return new ContentSet(posts, stats, sorted);
    }

    /// <summary>Where a post's Markdown document goes: beside its page, <c>2025/10/slug.md</c>.</summary>
    public static string DocumentPath(Post post) => DocumentPath(post.Url);

    /// <summary>Where the Markdown document of a post at <paramref name="url"/> goes.</summary>
    public static string DocumentPath(string url) =>
        (url.EndsWith(".html", StringComparison.Ordinal) ? url[..^".html".Length] : url).TrimStart('/') + ".md";
}
