namespace Archivist.Seeds;

public sealed record SeedParseResult(IReadOnlyList<SeedPost> Posts, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Turns one seed file into posts: optional front matter, then posts introduced by a date line and a
/// title (newest first in multi-post files), or one headerless post whose title and date are inferred.
/// Each post's lines are split into body and comments by <see cref="CommentSectionLocator"/>.
/// </summary>
public sealed class SeedParser
{
    private const int MaxTitleLength = 200;

    public SeedParseResult Parse(SeedSource source)
    {
        var diagnostics = new List<Diagnostic>();
        var lines = source.Lines;
        var frontMatter = FrontMatterBlock.TryRead(source.Name, lines, diagnostics);
        var start = frontMatter?.LinesUsed ?? 0;

        var headers = FindHeaders(lines, start);
        var posts = new List<SeedPost>();

        var preambleEnd = headers.Count > 0 ? headers[0].DateIndex : lines.Count;
        Guesses? guesses = null;
        if (HasText(lines, start, preambleEnd))
        {
            var (headerless, guessed) = ParseHeaderless(source.Name, lines, start, preambleEnd, diagnostics);
            posts.Add(headerless);
            guesses = guessed;
        }

        for (var h = 0; h < headers.Count; h++)
        {
            var end = h + 1 < headers.Count ? headers[h + 1].DateIndex : lines.Count;
            posts.Add(ParseWithHeader(source.Name, lines, headers[h], end, diagnostics));
        }

        var dateGiven = false;
        if (frontMatter is not null && posts.Count > 0)
            (posts[0], dateGiven) = ApplyOverrides(source.Name, posts[0], frontMatter, posts.Count, diagnostics);
        else if (frontMatter is not null)
            diagnostics.Add(Diagnostic.Warning(source.Name, 1, "front matter but no post text after it"));
        if (guesses is not null) ReportGuesses(source.Name, posts[0], guesses, dateGiven, diagnostics);

        return new SeedParseResult(posts, diagnostics);
    }

    /// <summary>What was guessed for a post with no header, reported once front matter has had its say.</summary>
    private sealed record Guesses(int Line, DateEstimator.Estimate? Estimate);

    /// <summary>
    /// An inferred title and an estimated date are expected of a headerless dump and marked in the document
    /// (title_inferred, date_estimated), so they are notes and <c>--strict</c> passes; no date at all is a
    /// real gap, so a warning. What the front matter settled is not reported.
    /// </summary>
    private static void ReportGuesses(string file, SeedPost post, Guesses guesses, bool dateGiven, List<Diagnostic> diagnostics)
    {
        if (post.TitleInferred)
            diagnostics.Add(Diagnostic.Info(file, guesses.Line, $"no date and title header; title inferred as \"{post.Title}\""));
        if (post.DateEstimated && guesses.Estimate is { } estimate && post.Date == estimate.Date)
            diagnostics.Add(Diagnostic.Info(file, estimate.Line, $"date estimated as {estimate.Date:yyyy-MM-dd} from '{estimate.Evidence}'"));
        else if (post.Date is null && !dateGiven)
            diagnostics.Add(Diagnostic.Warning(file, guesses.Line, "no date header and no dated evidence in the text; the post is undated"));
    }

    private sealed record Header(int DateIndex, DateLineParser.DateLine Date, int? TitleIndex);

    private static List<Header> FindHeaders(IReadOnlyList<string> lines, int start)
    {
        var headers = new List<Header>();
        for (var i = start; i < lines.Count; i++)
        {
            // A header follows a blank line, or directly the last comment's buttons of the post before it.
            if (i > start && lines[i - 1].Length != 0 && !ButtonLine.Is(lines[i - 1])) continue;
            if (!DateLineParser.TryParse(lines[i], out var date)) continue;
            var j = i + 1;
            while (j < lines.Count && j <= i + 3 && lines[j].Length == 0) j++;
            if (j >= lines.Count || DateLineParser.IsDateLine(lines[j]))
            {
                headers.Add(new Header(i, date, null));
                continue;
            }
            if (lines[j].Length == 0 || lines[j][0] == ' ') continue; // indented: comment text, not a header
            if (!HeaderTitle.IsPlausible(lines[j])) continue; // a date quoted in the text, such as a letter's
            headers.Add(new Header(i, date, lines[j].Length <= MaxTitleLength ? j : null));
        }
        return headers;
    }

    private static SeedPost ParseWithHeader(string file, IReadOnlyList<string> lines, Header header, int end, List<Diagnostic> diagnostics)
    {
        var dateLine = header.DateIndex + 1;
        if (header.Date.WeekdayMismatch)
            diagnostics.Add(Diagnostic.Warning(file, dateLine,
                $"'{lines[header.DateIndex]}' names a {header.Date.StatedWeekday} but {header.Date.Date:yyyy-MM-dd} is a {header.Date.Date.DayOfWeek}; the date was kept"));

        var contentStart = header.TitleIndex is { } t ? t + 1 : header.DateIndex + 1;
        var (body, comments, _, captured) = SplitPost(file, lines, contentStart, end, diagnostics);

        string title;
        var titleInferred = false;
        if (header.TitleIndex is { } titleIndex)
        {
            title = lines[titleIndex].Trim();
        }
        else
        {
            title = TitleInference.Infer(BodyText(lines, contentStart, end));
            if (title.Length == 0) title = $"Post of {header.Date.Date:d MMMM yyyy}";
            titleInferred = true;
            diagnostics.Add(Diagnostic.Warning(file, dateLine, $"date line with no title after it; title inferred as \"{title}\""));
        }
        if (body.Count == 0 && comments.Count == 0)
            diagnostics.Add(Diagnostic.Warning(file, dateLine, $"post \"{title}\" has a header but no body"));

        return new SeedPost
        {
            Source = file,
            Line = dateLine,
            Title = title,
            TitleInferred = titleInferred,
            Date = header.Date.Date,
            Body = body,
            Comments = comments,
            CommentsCaptured = captured,
        };
    }

    private static (SeedPost Post, Guesses Guesses) ParseHeaderless(string file, IReadOnlyList<string> lines, int start, int end, List<Diagnostic> diagnostics)
    {
        while (start < end && lines[start].Length == 0) start++;
        var (body, comments, commentStart, captured) = SplitPost(file, lines, start, end, diagnostics);
        var title = TitleInference.Infer(BodyText(lines, start, commentStart));
        if (title.Length == 0) title = "Untitled post";

        var bodyLines = Numbered(lines, start, commentStart);
        var commentLines = Numbered(lines, commentStart, end);
        var estimate = DateEstimator.FromText(bodyLines, commentLines);

        var post = new SeedPost
        {
            Source = file,
            Line = start + 1,
            Title = title,
            TitleInferred = true,
            Date = estimate?.Date,
            DateEstimated = estimate is not null,
            Body = body,
            Comments = comments,
            CommentsCaptured = captured,
        };
        return (post, new Guesses(start + 1, estimate));
    }

    /// <summary>Splits a post's lines into body blocks and comments; returns where the comments begin and whether there were any to find.</summary>
    private static (IReadOnlyList<SeedBlock> Body, IReadOnlyList<SeedComment> Comments, int CommentStart, bool Captured) SplitPost(
        string file, IReadOnlyList<string> lines, int start, int end, List<Diagnostic> diagnostics)
    {
        var postLines = new ArraySegmentList(lines, start, end - start);
        var section = CommentSectionLocator.Locate(postLines);
        var bodyLines = Enumerable.Range(0, section.BodyEnd).Select(i => postLines[i]).ToList();
        IReadOnlyList<SeedComment> comments = [];
        IReadOnlyList<string> leading = [];

        switch (section.Layout)
        {
            case CommentLayout.Numbered or CommentLayout.Indented:
                (comments, leading) = IndentedCommentParser.Parse(postLines, section.Start, start + 1,
                    requireRepliesMarker: section.Layout == CommentLayout.Numbered);
                break;
            case CommentLayout.Attributed:
                (comments, leading) = AttributedCommentParser.Parse(postLines, section.Start, start + 1);
                break;
            case CommentLayout.Flattened:
                comments = FlattenedCommentParser.Parse(postLines, section.Start, start + 1);
                break;
        }
        if (leading.Count > 0)
        {
            // Nothing is lost: text the comment parser could not place goes back into the body.
            var what = section.Layout == CommentLayout.Attributed ? "the first comment's byline" : "the first numbered comment";
            diagnostics.Add(Diagnostic.Warning(file, start + section.Start + 1, $"text before {what}; kept at the end of the body"));
            bodyLines.Add("");
            bodyLines.AddRange(leading);
        }

        if (section.DeclaredCount is { } declared)
        {
            var total = comments.Sum(c => c.TotalCount);
            if (total != declared)
                diagnostics.Add(Diagnostic.Warning(file, start + section.BodyEnd + 1,
                    $"the seed says {declared} comment{(declared == 1 ? "" : "s")} but {total} were found"));
        }
        return (BlockParser.Parse(bodyLines), comments, start + section.BodyEnd, section.Layout != CommentLayout.None);
    }

    /// <returns>The post with the overrides applied, and whether a valid <c>date</c> (a date or null) was given.</returns>
    private static (SeedPost Post, bool DateGiven) ApplyOverrides(string file, SeedPost post, FrontMatterBlock frontMatter, int postCount, List<Diagnostic> diagnostics)
    {
        var dateGiven = false;
        if (postCount > 1)
            diagnostics.Add(Diagnostic.Warning(file, 1, $"front matter applies to the first of the {postCount} posts in this file only"));
        foreach (var (key, value, line) in frontMatter.Entries())
        {
            string? error = null;
            switch (key)
            {
                case "title":
                    if (FrontMatterValues.TryString(value, out var title, out error) && title.Trim().Length > 0)
                        post = post with { Title = title.Trim(), TitleInferred = false };
                    else error ??= "title cannot be empty";
                    break;
                case "date":
                    if (FrontMatterValues.TryDate(value, out var date, out error))
                    {
                        post = post with { Date = date, DateEstimated = false };
                        dateGiven = true;
                    }
                    break;
                case "date_estimated":
                    if (FrontMatterValues.TryBool(value, out var estimated, out error)) post = post with { DateEstimated = estimated };
                    break;
                case "title_inferred":
                    if (FrontMatterValues.TryBool(value, out var inferred, out error)) post = post with { TitleInferred = inferred };
                    break;
                case "slug":
                    if (FrontMatterValues.TryString(value, out var slug, out error)) post = post with { RequestedSlug = slug };
                    break;
                default:
                    error = $"unknown key '{key}' (a seed's front matter may set title, date, slug, date_estimated, title_inferred)";
                    break;
            }
            if (error is not null)
                diagnostics.Add(Diagnostic.Warning(file, line, key is "title" or "date" or "slug" or "date_estimated" or "title_inferred" ? $"front matter '{key}': {error}; ignored" : error));
        }
        return (post, dateGiven);
    }

    private static bool HasText(IReadOnlyList<string> lines, int start, int end)
    {
        for (var i = start; i < end; i++) if (lines[i].Length > 0) return true;
        return false;
    }

    private static List<string> BodyText(IReadOnlyList<string> lines, int start, int end) =>
        Enumerable.Range(start, Math.Max(0, end - start)).Select(i => lines[i]).ToList();

    private static IEnumerable<(int Line, string Text)> Numbered(IReadOnlyList<string> lines, int start, int end) =>
        Enumerable.Range(start, Math.Max(0, end - start)).Select(i => (i + 1, lines[i]));

    /// <summary>A window onto part of the file's lines, without copying them.</summary>
    private sealed class ArraySegmentList(IReadOnlyList<string> lines, int offset, int count) : IReadOnlyList<string>
    {
        public string this[int index] => (uint)index < (uint)count ? lines[offset + index] : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => count;
        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < count; i++) yield return lines[offset + i];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
