using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search;
using Archivist.Search.Analysis;
using Archivist.Search.Querying;

namespace Archivist.Cli;

/// <summary>
/// <c>archivist search</c>: queries a built site's static index, reading the same files and ranking with the
/// same algorithm as the browser. Snippets come from each post's Markdown document published beside its page.
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var site = new Option<DirectoryInfo>("--site")
        {
            CustomParser = UserPaths.TypedDirectory,
            Description = "The built site to search (it holds the search-index/ folder).",
            DefaultValueFactory = _ => new DirectoryInfo("site-output"),
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per hit: url, title, date, date_estimated, score, where (post or a comment id), snippet, passages (up to 3 other passages of the thread holding the query: where, url, snippet), more_passages (how many more), corrected_query and exact_query (null unless a typed word was corrected)." };
        var limit = new Option<int>("--limit", "-n") { Description = "How many hits to print.", DefaultValueFactory = _ => 10 };
        var fromYear = new Option<int?>("--from-year") { Description = "Only posts dated in this year or later." };
        var toYear = new Option<int?>("--to-year") { Description = "Only posts dated in this year or earlier." };
        var sort = new Option<SearchOrder>("--sort") { Description = "relevance (default) or date (newest first).", DefaultValueFactory = _ => SearchOrder.Relevance };
        var index = new Option<string>("--index-folder") { Description = "The index folder inside the site.", DefaultValueFactory = _ => new SearchIndexOptions().Folder };
        var query = new Argument<string[]>("query")
        {
            Description = "Words to find (all must match); \"quoted phrases\"; -word to exclude (put -- before the query when it starts with -); the last word also matches as a prefix.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("search", "Search a built site's index from the command line, ranked exactly as the site's search page ranks. " +
            "Exit codes: 0 done (also when nothing matched), 2 could not search (bad arguments, no index).")
        {
            site, json, limit, fromYear, toYear, sort, index, query,
        };
        command.SetAction(parse => Run(
            parse.GetValue(site)!, string.Join(' ', parse.GetValue(query)!),
            new SearchRequest("") { Limit = parse.GetValue(limit), FromYear = parse.GetValue(fromYear), ToYear = parse.GetValue(toYear), Order = parse.GetValue(sort) },
            parse.GetValue(json), parse.GetValue(index)!, new Reporter()));
        return command;
    }

    public static int Run(DirectoryInfo site, string query, SearchRequest options, bool json, string indexFolder, Reporter reporter)
    {
        var folder = Path.Combine(site.FullName, indexFolder);
        if (!File.Exists(Path.Combine(folder, Search.Format.IndexFiles.Entry)))
        {
            reporter.Error($"no search index in '{folder}' (missing {Search.Format.IndexFiles.Entry}); build the site first, or point --site at it.");
            return ExitCodes.Fatal;
        }
        if (options.Limit < 0)
        {
            reporter.Error("--limit must be 0 or more.");
            return ExitCodes.Fatal;
        }
        SearchResults results;
        IndexReader? reader = null;
        try
        {
            reader = new IndexReader(new FolderIndexSource(folder));
            results = new QueryEngine(reader).Search(options with { Query = query });
        }
        catch (SearchIndexException e)
        {
            reporter.Error(e.Message);
            return ExitCodes.Fatal;
        }
        catch (Exception e) when (reader is not null && e is not OutOfMemoryException)
        {
            // Every file decoded, yet they disagree (a posting past the document count, say): the index, not the query, is at fault.
            reporter.Error($"the search index in {folder} does not hold together ({e.GetType().Name}: {e.Message.Split('\n')[0]}; " +
                           $"files read: {string.Join(", ", reader.FilesRead)}); it is damaged: rebuild the site.");
            return ExitCodes.Fatal;
        }

        var snippets = new SnippetBuilder(new EnglishAnalyzer());
        var terms = results.TermWeights;
        if (!json && results.Correction is { } correction) reporter.Log(CorrectionLine(correction));
        foreach (var hit in results.Hits)
        {
            var post = PostOf(site.FullName, hit, reporter);
            string SnippetAt(string where) => post is null ? "" : snippets.Build(PassageText.Of(post, where), terms).Text;
            var snippet = SnippetAt(hit.Where);
            // The thread's other hits, as the page shows them under the result.
            var others = hit.Passages.Skip(1).Take(PassageLocator.MaxShownPassages).Select(w => (Where: w, Snippet: SnippetAt(w))).ToList();
            var more = Math.Max(0, hit.Passages.Count - 1 - PassageLocator.MaxShownPassages);
            if (json) reporter.Result(JsonLine(hit, snippet, results.Correction, others, more));
            else
            {
                reporter.Result($"{hit.Meta.Title} ({DateText(hit.Meta)})  {Link(hit)}  score {hit.Score}");
                if (snippet.Length > 0) reporter.Result("    " + snippet);
                foreach (var (where, text) in others)
                {
                    reporter.Result($"    - {PassageLabel(where)}  {Link(hit.Meta.Url, where)}");
                    if (text.Length > 0) reporter.Result("      " + text);
                }
                if (more > 0) reporter.Result($"    and {more} more in this thread");
            }
        }
        if (!json)
            reporter.Log($"{results.Total} post{(results.Total == 1 ? "" : "s")} matched" +
                         (results.Widened ? " (with typo tolerance)" : "") + $"; showing {results.Hits.Count}.");
        if (LimitNote(results.Plan) is { } note) reporter.Note(note);
        return ExitCodes.Success;
    }

    /// <summary>The search page's "Showing results for …" line, with the query that searches exactly what was typed.</summary>
    public static string CorrectionLine(QueryCorrection correction) =>
        $"Showing results for {correction.Shown}; to search for exactly what you typed: {correction.Exact}";

    /// <summary>A hit's date as the text output shows it: an estimated one as such, as the post page does.</summary>
    public static string DateText(Search.Format.DocumentMeta meta) =>
        meta.Date is not { } date ? "undated" : meta.DateEstimated ? $"about {date}, date estimated" : date;

    /// <summary>What the search page says too when words were left out to keep the query within its fetch budget, or null.</summary>
    public static string? LimitNote(QueryPlan plan)
    {
        if (plan.IgnoredWords == 0) return null;
        var all = plan.UsedWords + plan.IgnoredWords;
        return plan.UsedWords == 0
            ? $"the query is too long to search: its first part alone needs more of the index than one query may read ({all} words ignored)."
            : $"only the first {plan.UsedWords} of the query's {all} words were used; the rest were ignored (one query reads a bounded part of the index: docs/SEARCH-FORMAT.md, \"Bounds\").";
    }

    /// <summary>The hit's post from its Markdown document beside its page (what snippets are cut from), or null.</summary>
    private static Post? PostOf(string site, SearchHit hit, Reporter reporter)
    {
        var path = Path.Combine(site, DocumentPathOf(hit.Meta.Url));
        if (!File.Exists(path)) return null;
        var diagnostics = new List<Diagnostic>();
        var document = PostDocumentReader.Read(path, File.ReadAllText(path), diagnostics);
        if (document is null) reporter.Diagnostics(diagnostics, site);
        return document?.Post;
    }

    /// <summary>"in the post" or "in comment 3.2", as the search page labels a passage.</summary>
    public static string PassageLabel(string where) =>
        where == PassageLocator.Post ? "in the post" : "in comment " + where[1..].Replace('-', '.');

    /// <summary><c>/2025/10/slug.html</c> → <c>2025/10/slug.md</c>, as <see cref="ContentAssembler.DocumentPath"/> places documents.</summary>
    public static string DocumentPathOf(string url) =>
        (url.EndsWith(".html", StringComparison.Ordinal) ? url[..^".html".Length] : url).TrimStart('/') + ".md";

    /// <summary>Where a hit is read: the post's URL, with the comment's fragment for a hit inside a comment.</summary>
    public static string Link(SearchHit hit) => Link(hit.Meta.Url, hit.Where);

    public static string Link(string url, string where) => where == PassageLocator.Post ? url : url + "#" + where;

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string JsonLine(SearchHit hit, string snippet, QueryCorrection? correction, List<(string Where, string Snippet)> others, int more)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            w.WriteStartObject();
            w.WriteString("url", Link(hit));
            w.WriteString("title", hit.Meta.Title);
            if (hit.Meta.Date is { } date) w.WriteString("date", date);
            else w.WriteNull("date");
            w.WriteBoolean("date_estimated", hit.Meta.DateEstimated);
            w.WriteNumber("score", hit.Score);
            w.WriteString("where", hit.Where);
            w.WriteString("snippet", snippet);
            w.WriteStartArray("passages"); // the thread's other hits, best first, as the page shows them under the result
            foreach (var (where, text) in others)
            {
                w.WriteStartObject();
                w.WriteString("where", where);
                w.WriteString("url", Link(hit.Meta.Url, where));
                w.WriteString("snippet", text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("more_passages", more);
            // The same on every line: the query as searched when typo tolerance corrected it, and the exact one.
            if (correction is null)
            {
                w.WriteNull("corrected_query");
                w.WriteNull("exact_query");
            }
            else
            {
                w.WriteString("corrected_query", correction.Shown);
                w.WriteString("exact_query", correction.Exact);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
