using System.Text;

namespace Archivist.Content;

/// <summary>
/// Folds the same post found in several seeds into one: same date, same title, and the same text
/// (one body equal to, or the start of, the other). The copy with the most comments is kept and
/// every source is listed. Posts that share date and title but differ in text are both kept.
/// </summary>
public static class DuplicateMerger
{
    private const int PrefixToCompare = 400;

    /// <param name="texts">Where the texts of posts that do not carry them are read (only those sharing a date and title are).</param>
    public static IReadOnlyList<IncomingPost> Merge(IReadOnlyList<IncomingPost> posts, PostTexts texts, ICollection<Diagnostic> diagnostics)
    {
        var result = new List<IncomingPost>(posts.Count);
        foreach (var group in SameDateAndTitle(posts))
        {
            if (group.Count == 1)
            {
                result.Add(group[0]);
                continue;
            }
            var clusters = new List<List<IncomingPost>>();
            foreach (var post in group)
            {
                var home = clusters.FirstOrDefault(c => SameText(texts.Of(c[0].Post).Body, texts.Of(post.Post).Body));
                if (home is null) clusters.Add([post]);
                else home.Add(post);
            }
            if (clusters.Count > 1)
            {
                var where = string.Join(", ", clusters.Select(c => $"{c[0].Origin.File}:{c[0].Origin.Line}"));
                diagnostics.Add(Diagnostic.Warning(clusters[1][0].Origin.File, clusters[1][0].Origin.Line,
                    $"posts at {where} share the title \"{group[0].Post.Title}\" and date but not their text; all are kept"));
            }
            foreach (var cluster in clusters) result.Add(MergeCluster(cluster, texts, diagnostics));
        }
        return result;
    }

    /// <summary>The posts grouped by date and <see cref="TitleKey"/>, groups and posts in the order first met.</summary>
    private static List<List<IncomingPost>> SameDateAndTitle(IReadOnlyList<IncomingPost> posts)
    {
        // The keys (a squashed, lower-cased title each) are most of the work: they are made on every core. A string key
        // also keeps the grouping in precompiled code (a dictionary over a tuple of a date and a string is compiled at run time).
        var keys = new string[posts.Count];
        Parallel.For(0, posts.Count, i =>
        {
            var post = posts[i].Post;
            keys[i] = (post.Date?.DayNumber ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + TitleKey(post.Title);
        });
        var groups = new List<List<IncomingPost>>(posts.Count);
        var groupOf = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        for (var i = 0; i < posts.Count; i++)
        {
            if (groupOf.TryGetValue(keys[i], out var g)) groups[g].Add(posts[i]);
            else
            {
                groupOf.Add(keys[i], groups.Count);
                groups.Add([posts[i]]);
            }
        }
        return groups;
    }

    private static IncomingPost MergeCluster(List<IncomingPost> cluster, PostTexts texts, ICollection<Diagnostic> diagnostics)
    {
        if (cluster.Count == 1) return cluster[0];
        var keep = cluster
            .OrderByDescending(p => p.Post.CommentsCaptured) // a copy whose comments were not captured says nothing of them
            .ThenByDescending(p => p.Post.CommentCount)
            .ThenByDescending(p => texts.Of(p.Post).Body.Length)
            .ThenBy(p => p.Origin.File, StringComparer.Ordinal)
            .ThenBy(p => p.Origin.Line)
            .First();
        foreach (var other in cluster.Where(p => !ReferenceEquals(p, keep)))
            diagnostics.Add(Diagnostic.Info(other.Origin.File, other.Origin.Line,
                $"\"{other.Post.Title}\" is also in {keep.Origin.File}:{keep.Origin.Line}; merged, keeping that copy ({(keep.Post.CommentsCaptured ? $"{keep.Post.CommentCount} comments" : "comments not captured")})"));
        var sources = cluster.SelectMany(p => p.Post.Sources).Distinct().Order(StringComparer.Ordinal).ToArray();
        return keep with { Post = keep.Post with { Sources = sources } };
    }

    /// <summary>Titles compare ignoring case, spacing and quote style.</summary>
    public static string TitleKey(string title) => Squash(title).ToLowerInvariant();

    private static bool SameText(string a, string b)
    {
        var x = Squash(a);
        var y = Squash(b);
        if (x == y) return true;
        var n = Math.Min(PrefixToCompare, Math.Min(x.Length, y.Length));
        return n >= 40 && x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, n));
    }

    private static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c switch { '’' or '‘' => '\'', '“' or '”' => '"', _ => c });
        }
        return sb.ToString();
    }
}
