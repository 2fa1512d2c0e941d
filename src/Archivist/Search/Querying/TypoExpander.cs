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
/// </summary>
public sealed class TypoExpander(IndexReader reader, EnglishAnalyzer analyzer)
{
    public const int MinLength = 5;
    public const int MaxCorrections = 3;
    public const int FixedPrefix = 2;
    public const int PageReach = 1;
    public const int MaxFarPages = 3;

    /// <summary>The plan with corrections added, or null when no word has any.</summary>
    public QueryPlan? Widen(QueryPlan plan)
    {
        var changed = false;
        var clauses = plan.Clauses.Select(clause =>
        {
            if (clause.Negated || clause.Quoted) return clause;
            var readings = clause.Readings.Select(reading => new Reading([.. reading.Slots.Select(slot =>
            {
                // The open word too ("corection" typed to the end is a finished word with a typo), unless it completes.
                if (slot.Surface.Length < MinLength || slot.Completes || reader.Lookup(slot.Term) is not null) return slot;
                var corrections = Corrections(slot).ToList();
                if (corrections.Count == 0) return slot;
                changed = true;
                return slot with { Alternatives = [.. slot.Alternatives, .. corrections.Select(t => new Alternative(t, MatchKind.Correction))] };
            })])).ToList();
            return clause with { Readings = readings };
        }).ToList();
        return changed ? new QueryPlan(clauses) : null;
    }

    private IEnumerable<string> Corrections(Slot slot)
    {
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        var tried = new HashSet<string>(slot.Alternatives.Select(a => a.Term), StringComparer.Ordinal);
        var pages = new CorrectionPages(reader, slot.Term);
        foreach (var variant in Variants(slot.Surface))
        {
            var stem = analyzer.Stem(variant);
            if (tried.Add(stem) && reader.Df(stem, pages.Near) is var df and > 0) candidates[stem] = df;
        }
        foreach (var variant in FarVariants(slot.Surface))
        {
            var stem = analyzer.Stem(variant);
            if (tried.Add(stem) && reader.Df(stem, pages.Admit) is var df and > 0) candidates[stem] = df;
        }
        return QueryPlanner.Ranked(candidates, MaxCorrections);
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
