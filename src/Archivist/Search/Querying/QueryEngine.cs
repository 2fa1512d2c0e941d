using Archivist.Search.Analysis;

namespace Archivist.Search.Querying;

/// <summary>
/// Runs a query over a static index exactly as the browser client (templates/assets/search/search-core.js)
/// does: parse → analyse and expand the open word → evaluate → if fewer than <see cref="TypoThreshold"/>
/// documents match, widen with typo corrections and evaluate again → order → locate the best passage of each
/// hit shown. The order has three tiers, each by score: documents that match the words as typed, then those
/// that need the open word's expansions, then those found only through a correction — a word the archive
/// knows is taken as meant, so "workload management tool" puts the comment saying "tool" above a post with
/// "toolkit". Scores are integers and ties go to the newer post, so both clients agree exactly. Everything the
/// query reads beyond the entry files and the hits' metadata is admitted first against one
/// <see cref="FetchBudget"/>, so no query, however long, reads more than the budget allows.
/// </summary>
public sealed class QueryEngine(IndexReader reader)
{
    public const int TypoThreshold = 3;

    private readonly EnglishAnalyzer _analyzer = new();

    public IndexReader Reader => reader;

    public SearchResults Search(SearchRequest request)
    {
        // One budget for everything the query reads beyond the entry files and the hits' metadata.
        var budget = new FetchBudget(reader);
        var plan = new QueryPlanner(reader, _analyzer).Plan(QueryParser.Parse(request.Query), budget);
        var (from, to) = DocRange(request.FromYear, request.ToYear);
        ReadEntries(plan);
        var evaluator = new QueryEvaluator(reader);
        var scores = evaluator.Evaluate(plan, from, to);
        var exact = scores;
        // The first tier: documents matching every word as typed ("tool" itself, not only "toolkit").
        var literal = plan.Expanded ? evaluator.Evaluate(plan.Literal, from, to) : exact;
        var widened = false;
        if (scores.Count < TypoThreshold && new TypoExpander(reader, _analyzer).Widen(plan, budget) is { } wider)
        {
            plan = wider;
            ReadEntries(plan);
            scores = evaluator.Evaluate(plan, from, to);
            widened = scores.Count > exact.Count; // only when corrections found more
        }

        var ordered = request.Order == SearchOrder.Date
            ? scores.OrderByDescending(s => s.Key)
            : scores.OrderBy(s => Tier(s.Key, literal, exact)).ThenByDescending(s => s.Value).ThenByDescending(s => s.Key);
        var locator = new PassageLocator(reader);
        var hits = ordered.Take(Math.Max(0, request.Limit)).Select(s =>
        {
            var meta = reader.Meta(s.Key);
            var passages = locator.Rank(plan, s.Key, meta);
            return new SearchHit(s.Key, s.Value, passages[0], meta) { Passages = passages };
        }).ToList();
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in plan.RequiredTerms)
            if (reader.Lookup(term) is { } entry) weights[term] = reader.IdfOf(entry) + 1;
        return new SearchResults(scores.Count, hits, plan, widened, weights)
        {
            FetchUnits = budget.Used,
            Correction = scores.Count == 0 ? null
                : QueryCorrection.Of(request.Query, QueryCorrection.Corrections(plan, term => reader.Lookup(term) is not null, _analyzer.Stem)),
        };
    }

    /// <summary>
    /// Reads the entry of every term of the plan, as the browser fetches them all before evaluating (evaluation
    /// may stop before reaching some): both clients then read the same files, which the parity test checks.
    /// </summary>
    private void ReadEntries(QueryPlan plan)
    {
        foreach (var term in plan.Clauses.SelectMany(c => c.Readings).SelectMany(r => r.Slots).SelectMany(s => s.Alternatives).Select(a => a.Term))
            reader.Lookup(term);
    }

    /// <summary>0: matches the words as typed; 1: needs the open word's expansions; 2: found only through a typo correction.</summary>
    public static int Tier(int doc, Dictionary<int, long> literal, Dictionary<int, long> exact) =>
        literal.ContainsKey(doc) ? 0 : exact.ContainsKey(doc) ? 1 : 2;

    /// <summary>Doc ids of the years asked for (inclusive); undated posts only when no year is given.</summary>
    private (int From, int To) DocRange(int? fromYear, int? toYear)
    {
        if (fromYear is null && toYear is null) return (0, reader.Entry.Documents);
        var years = reader.Entry.Years.Where(y => (fromYear is null || y.Year >= fromYear) && (toYear is null || y.Year <= toYear)).ToList();
        return years.Count == 0 ? (0, 0) : (years[0].From, years[^1].To);
    }
}
