using Archivist.Content;
using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// <c>/most-discussed/</c>: the posts with the longest comment threads (replies counted), the
/// <see cref="AllTimeCount"/> longest over all time and the <see cref="YearCount"/> longest of each year,
/// linked from the archive page. A post whose comments were not captured has no known count and is left
/// out (never ranked as 0); a post without comments has no thread to show. Ties go to the newer post,
/// then by URL, so the ranking is the same on every build.
/// </summary>
public sealed class MostDiscussedPage : PageKind
{
    public const string PagePath = "/most-discussed/";
    public const int AllTimeCount = 20;
    public const int YearCount = 10;

    public override string Name => "most-discussed";
    public override IReadOnlyList<string> Templates => [Name];
    public override IReadOnlyList<string> Reserved => [PagePath + "*"];
    public override bool InSitemap => true;
    public override ArchiveLink? ArchiveLink => new("Most discussed", PagePath, "the posts with the longest comment threads, over all time and year by year");

    /// <summary>The posts with a known, non-zero comment count, longest thread first; ties newest first, then by URL.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> posts, Func<T, Post> post) => posts
        .Where(p => post(p).KnownCommentCount > 0)
        .OrderByDescending(p => post(p).CommentCount)
        .ThenByDescending(p => post(p).Date ?? DateOnly.MinValue)
        .ThenBy(p => post(p).Url, StringComparer.Ordinal)
        .ToList();

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var context = site.Context;
        var ranked = Rank(site.Posts, p => p.Post);
        var sections = ranked.Where(p => p.Post.Date is not null)
            .GroupBy(p => DisplayDates.Four(p.Post.Date!.Value.Year))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Section(g.Key, $"year-{g.Key}", g.Take(YearCount).ToList()))
            .Prepend(new Section("All time", "all-time", ranked.Take(AllTimeCount).ToList()))
            .Where(s => s.Posts.Count > 0)
            .ToList();
        // Whether, not how many: a new post without captured comments then leaves the page as it was.
        var someUncounted = site.Posts.Any(p => p.Post.KnownCommentCount is null);

        using var hasher = context.Hasher(Name).Add(someUncounted);
        foreach (var section in sections)
        {
            hasher.Add(section.Heading);
            foreach (var p in section.Posts)
                hasher.Add(p.Post.Title).Add(p.Post.TitleInferred).Add(p.Post.Url).Add(p.Post.Date).Add(p.Post.DateEstimated).Add(p.Post.CommentCount);
        }
        yield return new PageJob(SiteUrls.FileOf(PagePath), hasher.Finish(), () =>
        {
            var view = new MostDiscussedView(context.Site,
                sections.Select(s => new MostDiscussedSectionView(s.Heading, s.Id, s.Posts.Select(p => context.Summary(p, withExcerpt: false)).ToList())).ToList(),
                someUncounted);
            var head = context.Head("Most discussed", PagePath, $"The posts of {context.Options.Title} with the longest comment threads, over all time and year by year.");
            return context.Page(Name, view, head, Name);
        });
    }

    private sealed record Section(string Heading, string Id, IReadOnlyList<SitePost> Posts);
}

/// <summary>The most discussed page's model.</summary>
/// <param name="Sections">All time, then each year with commented posts, newest first; empty when no post has comments.</param>
/// <param name="SomeUncounted">True when some posts are left out because their comments were not captured.</param>
public sealed record MostDiscussedView(SiteView Site, IReadOnlyList<MostDiscussedSectionView> Sections, bool SomeUncounted);

/// <summary>A list of the longest threads, longest first, under its heading.</summary>
/// <param name="Id">The section's anchor (<c>all-time</c>, <c>year-2011</c>).</param>
public sealed record MostDiscussedSectionView(string Heading, string Id, IReadOnlyList<PostSummaryView> Posts);
