using Archivist.Search.Analysis;

namespace Archivist.Search.Querying;

/// <summary>
/// Typo tolerance, used when exact matching finds little: each plain word of five letters or more that the
/// archive does not know (no document holds its term: Lucene's SUGGEST_WHEN_NOT_IN_INDEX, and for the open
/// word, no term starts with it either: "timps" is "timpson" being typed, not a typo of "time") also accepts
/// up to <see cref="MaxCorrections"/> index terms that are the stem of a word one edit away from what was typed.
/// <para>
/// Edits after the first two letters (deletion, adjacent transposition, substitution or insertion of a-z)
/// sort close to the typed word: they are looked up only in the dictionary page that holds its stem and its
/// two neighbours (about 1,500 terms around it alphabetically). The few edits that touch the first two
/// letters — swapping the first and second or the second and third letter, deleting the first or the second
/// ("uGernsey", "Geurnsey", "xGuernsey") — sort elsewhere: each is looked up in its own page, at most
/// <see cref="MaxFarPages"/> such pages per segment. Substitutions and insertions in the first two letters
/// stay out of reach: about a hundred candidates, on nearly as many pages.
/// </para>
/// <para>
/// Within the query's <see cref="FetchBudget"/>: a word gets corrections only if all the dictionary pages it
/// would read fit, and then only corrections whose shards fit, taken in rounds so that every word gets its
/// most frequent one that fits before any word gets a second.
/// </para>
/// </summary>
public sealed class TypoExpander(IndexReader reader, EnglishAnalyzer analyzer)
{
    public const int MinLength = 5;
    public const int MaxCorrections = 3;
    public const int FixedPrefix = 2;
    public const int PageReach = 1;
    public const int MaxFarPages = 3;

    /// <summary>The plan with corrections added (within a budget of its own), or null when no word has any.</summary>
    public QueryPlan? Widen(QueryPlan plan) => Widen(plan, new FetchBudget(reader));

    /// <summary>
    /// The plan with corrections added within <paramref name="budget"/>, or null when no word has any. Each word's
    /// pages are admitted in query order; then the corrections go round: every word gets its most frequent
    /// correction that fits before any word gets a second.
    /// </summary>
    public QueryPlan? Widen(QueryPlan plan, FetchBudget budget)
    {
        var words = new List<(int Clause, int Reading, int Slot, List<string> Candidates)>();
        for (var c = 0; c < plan.Clauses.Count; c++)
        {
            var clause = plan.Clauses[c];
            if (clause.Negated || clause.Quoted) continue;
            for (var r = 0; r < clause.Readings.Count; r++)
                for (var s = 0; s < clause.Readings[r].Slots.Count; s++)
                {
                    var slot = clause.Readings[r].Slots[s];
                    // The open word too ("corection" typed to the end is a finished word with a typo), unless it completes.
                    if (slot.Surface.Length < MinLength || slot.Completes || reader.Lookup(slot.Term) is not null) continue;
                    if (Candidates(slot, budget) is { Count: > 0 } candidates) words.Add((c, r, s, candidates));
                }
        }
        var picked = words.Select(_ => new List<string>()).ToList();
        var next = new int[words.Count];
        for (var round = 0; round < MaxCorrections; round++)
            for (var w = 0; w < words.Count; w++)
                while (next[w] < words[w].Candidates.Count)
                    if (budget.TryAdmit(words[w].Candidates[next[w]++]))
                    {
                        picked[w].Add(words[w].Candidates[next[w] - 1]);
                        break;
                    }
        if (picked.All(p => p.Count == 0)) return null;

        var clauses = plan.Clauses.Select(c => c.Readings.Select(r => r.Slots.ToList()).ToList()).ToList();
        for (var w = 0; w < words.Count; w++)
        {
            var (c, r, s, _) = words[w];
            var slot = clauses[c][r][s];
            clauses[c][r][s] = slot with { Alternatives = [.. slot.Alternatives, .. picked[w].Select(t => new Alternative(t, MatchKind.Correction))] };
        }
        return plan with
        {
            Clauses = [.. plan.Clauses.Select((clause, c) => clause with { Readings = [.. clauses[c].Select(slots => new Reading(slots))] })],
        };
    }

    /// <summary>
    /// The index terms that are the stem of a word one edit from the slot's, most frequent first; empty when the
    /// dictionary pages their lookups read (known before reading them) do not all fit the budget.
    /// </summary>
    private List<string> Candidates(Slot slot, FetchBudget budget)
    {
        var tried = new HashSet<string>(slot.Alternatives.Select(a => a.Term), StringComparer.Ordinal);
        var near = Variants(slot.Surface).Select(analyzer.Stem).Where(tried.Add).ToList();
        var far = FarVariants(slot.Surface).Select(analyzer.Stem).Where(tried.Add).ToList();
        var planned = new CorrectionPages(reader, slot.Term);
        var pages = new List<(int, int)>();
        foreach (var (stems, readable) in new[] { (near, (Func<int, int, bool>)planned.Near), (far, planned.Admit) })
            foreach (var stem in stems)
                for (var s = 0; s < reader.Entry.Segments.Count; s++)
                    if (reader.PageIndex(s, stem) is var p && readable(s, p)) pages.Add((s, p));
        if (!budget.TryAdmit([], pages)) return [];

        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new CorrectionPages(reader, slot.Term);
        foreach (var stem in near)
            if (reader.Df(stem, read.Near) is var df and > 0) candidates[stem] = df;
        foreach (var stem in far)
            if (reader.Df(stem, read.Admit) is var df and > 0) candidates[stem] = df;
        return [.. QueryPlanner.Ranked(candidates, int.MaxValue)];
    }

    /// <summary>Words one edit from <paramref name="w"/>, the first two letters kept, in a fixed order.</summary>
    public static IEnumerable<string> Variants(string w)
    {
        for (var i = FixedPrefix; i < w.Length; i++) yield return w.Remove(i, 1);
        for (var i = FixedPrefix; i + 1 < w.Length; i++)
            if (w[i] != w[i + 1]) yield return Swapped(w, i);
        for (var i = FixedPrefix; i < w.Length; i++)
            for (var c = 'a'; c <= 'z'; c++)
                if (c != w[i]) yield return string.Concat(w.AsSpan(0, i), [c], w.AsSpan(i + 1));
        for (var i = FixedPrefix; i <= w.Length; i++)
            for (var c = 'a'; c <= 'z'; c++)
                yield return w.Insert(i, c.ToString());
    }

    /// <summary>The cheap edits that touch the first two letters, in a fixed order: transpositions 1-2 and 2-3, deletions of letter 1 and 2.</summary>
    public static IEnumerable<string> FarVariants(string w)
    {
        for (var i = 0; i < FixedPrefix; i++)
            if (w[i] != w[i + 1]) yield return Swapped(w, i);
        for (var i = 0; i < FixedPrefix; i++) yield return w.Remove(i, 1);
    }

    private static string Swapped(string w, int i) => string.Concat(w.AsSpan(0, i), [w[i + 1], w[i]], w.AsSpan(i + 2));
}

/// <summary>
/// The dictionary pages one word's corrections may read, per segment: those within
/// <see cref="TypoExpander.PageReach"/> of the page of the word's own term, and up to
/// <see cref="TypoExpander.MaxFarPages"/> others, admitted in the order they are asked for. Lives for one word.
/// </summary>
public sealed class CorrectionPages(IndexReader reader, string term)
{
    private readonly Dictionary<int, HashSet<int>> _far = [];

    public bool Near(int segment, int page) => Math.Abs(page - reader.PageIndex(segment, term)) <= TypoExpander.PageReach;

    public bool Admit(int segment, int page)
    {
        if (Near(segment, page)) return true;
        var far = _far.TryGetValue(segment, out var known) ? known : _far[segment] = [];
        if (far.Contains(page)) return true;
        if (far.Count == TypoExpander.MaxFarPages) return false;
        far.Add(page);
        return true;
    }
}
