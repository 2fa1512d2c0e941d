using System.Globalization;
using Archivist.Rendering.Views;

namespace Archivist.Rendering;

/// <summary>
/// The Blogger-like archive: a tree of years and months with post counts (<c>/archive/</c>), a page per
/// year (<c>/2025/</c>) and per month (<c>/2025/10/</c>), and <c>/undated/</c> when some posts have no date.
/// </summary>
public sealed class ArchivePages : PageKind
{
    public const string TreePath = "/archive/";
    public const string UndatedPath = "/undated/";

    public static string YearPath(int year) => $"/{DisplayDates.Four(year)}/";
    public static string MonthPath(int year, int month) => $"/{DisplayDates.Four(year)}/{DisplayDates.Two(month)}/";

    public override string Name => "archive";
    public override IReadOnlyList<string> Templates => ["archive", "period"];
    public override IReadOnlyList<string> Reserved => [TreePath + "*", "/{yyyy}/index.*", "/{yyyy}/{mm}/index.*", UndatedPath + "index.*"];
    public override bool InSitemap => true;

    private sealed record Month(int Year, int Number, IReadOnlyList<SitePost> Posts);

    public override IEnumerable<PageJob> Plan(SiteInput site)
    {
        var (context, posts) = (site.Context, site.Posts);
        var months = posts.Where(p => p.Post.Date is not null)
            .GroupBy(p => (p.Post.Date!.Value.Year, p.Post.Date!.Value.Month))
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
            .Select(g => new Month(g.Key.Year, g.Key.Month, g.ToList()))
            .ToList();
        var years = months.GroupBy(m => m.Year).Select(g => g.ToList()).ToList();
        var undated = posts.Where(p => p.Post.Date is null).ToList();

        var tree = Tree(context, years, undated, site.Kinds);
        using (var hasher = context.Hasher("archive"))
        {
            foreach (var m in months) hasher.Add(m.Year).Add(m.Number).Add(m.Posts.Count);
            hasher.Add(undated.Count);
            yield return new PageJob(SiteUrls.FileOf(TreePath), hasher.Finish(), () => RenderTree(context, tree, posts.Count));
        }

        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            var newer = y > 0 ? years[y - 1][0].Year : (int?)null;
            var older = y + 1 < years.Count ? years[y + 1][0].Year : (int?)null;
            using var hasher = context.Hasher("year").Add(year[0].Year).Add(newer ?? 0).Add(older ?? 0);
            foreach (var m in year)
                foreach (var p in m.Posts) hasher.Add(p.Post.Title).Add(p.Post.Url).Add(p.Post.Date).Add(p.Post.DateEstimated).Add(p.Post.CommentCount).Add(p.Post.CommentsCaptured);
            yield return new PageJob(SiteUrls.FileOf(YearPath(year[0].Year)), hasher.Finish(), () => RenderYear(context, year, newer, older));
        }

        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var newer = i > 0 ? months[i - 1] : null;
            var older = i + 1 < months.Count ? months[i + 1] : null;
            using var hasher = context.Hasher("month").Add(month.Year).Add(month.Number)
                .Add(newer?.Year ?? 0).Add(newer?.Number ?? 0).Add(older?.Year ?? 0).Add(older?.Number ?? 0);
            foreach (var p in month.Posts) hasher.Add(p.Fingerprint);
            yield return new PageJob(SiteUrls.FileOf(MonthPath(month.Year, month.Number)), hasher.Finish(),
                () => RenderPeriod(context, DisplayDates.MonthYear(month.Year, month.Number), "month", MonthPath(month.Year, month.Number), month.Posts,
                    MonthLink(context, newer), MonthLink(context, older),
                    new LinkView(DisplayDates.Four(month.Year), context.Urls.Local(YearPath(month.Year)))));
        }

        if (undated.Count > 0)
        {
            using var hasher = context.Hasher("undated");
            foreach (var p in undated) hasher.Add(p.Fingerprint);
            yield return new PageJob(SiteUrls.FileOf(UndatedPath), hasher.Finish(),
                () => RenderPeriod(context, "Undated posts", "undated", UndatedPath, undated, null, null, new LinkView("Archive", context.Urls.Local(TreePath))));
        }
    }

    private static LinkView? MonthLink(RenderContext context, Month? month) => month is null
        ? null
        : new LinkView(DisplayDates.MonthYear(month.Year, month.Number), context.Urls.Local(MonthPath(month.Year, month.Number)));

    private static ArchiveView Tree(RenderContext context, List<List<Month>> years, List<SitePost> undated, IReadOnlyList<PageKind> kinds) => new(
        context.Site,
        years.Select(y => new ArchiveYearView(y[0].Year, context.Urls.Local(YearPath(y[0].Year)), y.Sum(m => m.Posts.Count),
            y.Select(m => new ArchiveMonthView(DisplayDates.MonthName(m.Number), context.Urls.Local(MonthPath(m.Year, m.Number)), m.Posts.Count)).ToList())).ToList(),
        undated.Count > 0 ? new ArchiveMonthView("Undated posts", context.Urls.Local(UndatedPath), undated.Count) : null,
        years.Sum(y => y.Sum(m => m.Posts.Count)) + undated.Count,
        kinds.Select(k => k.ArchiveLink).OfType<ArchiveLink>().Select(l => new ArchiveLinkView(l.Label, context.Urls.Local(l.Path), l.Description)).ToList());

    private static ReadOnlyMemory<byte> RenderTree(RenderContext context, ArchiveView tree, int total) =>
        context.Page("archive", tree, context.Head("Archive", TreePath, $"All {total.ToString("N0", CultureInfo.InvariantCulture)} posts of {context.Options.Title} by year and month."), "archive");

    private static ReadOnlyMemory<byte> RenderYear(RenderContext context, List<Month> year, int? newer, int? older)
    {
        var number = year[0].Year;
        var months = year.Select(m => new PeriodMonthView(DisplayDates.MonthName(m.Number), context.Urls.Local(MonthPath(m.Year, m.Number)),
            m.Posts.Count, m.Posts.Select(p => context.Summary(p, withExcerpt: false)).ToList())).ToList();
        var view = new PeriodView(context.Site, DisplayDates.Four(number), "year", year.Sum(m => m.Posts.Count), [], months,
            newer is { } n ? new LinkView(DisplayDates.Four(n), context.Urls.Local(YearPath(n))) : null,
            older is { } o ? new LinkView(DisplayDates.Four(o), context.Urls.Local(YearPath(o))) : null,
            new LinkView("Archive", context.Urls.Local(TreePath)));
        var head = context.Head(DisplayDates.Four(number), YearPath(number), $"Posts of {number.ToString(CultureInfo.InvariantCulture)} on {context.Options.Title}.");
        return context.Page("period", view, head, "year");
    }

    private static ReadOnlyMemory<byte> RenderPeriod(RenderContext context, string heading, string kind, string path, IReadOnlyList<SitePost> posts,
        LinkView? newer, LinkView? older, LinkView up)
    {
        var view = new PeriodView(context.Site, heading, kind, posts.Count, posts.Select(p => context.Summary(p)).ToList(), [], newer, older, up);
        var description = kind == "undated" ? $"Posts of {context.Options.Title} without a known date." : $"Posts of {heading} on {context.Options.Title}.";
        return context.Page("period", view, context.Head(heading, path, description), kind);
    }
}
