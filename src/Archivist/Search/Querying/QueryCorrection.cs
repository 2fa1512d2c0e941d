using System.Text;

namespace Archivist.Search.Querying;

/// <summary>A typed word (<see cref="Slot.Surface"/>) the archive does not hold, and the word it was searched as: "probaton" → "probation".</summary>
public sealed record Correction(string Surface, string Word);

/// <summary>
/// What a reader is told when a typed word was not searched as typed: the query as searched ("Showing results for
/// probation") and the query that searches exactly what was typed, each such word quoted (a quoted word gets
/// neither corrections nor stem matching: <c>"probaton"</c>). search-core.js words it the same way.
/// </summary>
public sealed record QueryCorrection(string Shown, string Exact)
{
    /// <summary>
    /// The words of <paramref name="plan"/>'s required, unquoted clauses that the archive does not hold
    /// (<paramref name="known"/>) and that matched through a typo correction or, for the open word, the stem it
    /// extends ("probaton" → "probat"); each once, in query order. A word still completing is being typed, not
    /// corrected. The index holds stems, so the word named is an edit of the typed one with that stem (<see cref="WordFor"/>).
    /// </summary>
    public static List<Correction> Corrections(QueryPlan plan, Func<string, bool> known, Func<string, string> stem)
    {
        var corrections = new List<Correction>();
        foreach (var clause in plan.Required.Where(c => !c.Quoted))
            foreach (var slot in clause.Readings.SelectMany(r => r.Slots))
            {
                if (slot.Completes || corrections.Exists(c => c.Surface == slot.Surface) || known(slot.Term)) continue;
                if (slot.Alternatives.FirstOrDefault(a => a.Kind is MatchKind.Stem or MatchKind.Correction && known(a.Term)) is not { } used) continue;
                if (WordFor(slot.Surface, used, stem) is { } word) corrections.Add(new Correction(slot.Surface, word));
            }
        return corrections;
    }

    /// <summary>
    /// The first edit of <paramref name="surface"/> whose stem is the alternative's term, the likeliest typos first: a
    /// letter left out (insertions), then letters swapped or mistyped, then a letter too many and the edits of the
    /// first two letters. For the stem an open word extends, only a letter left out, and only when the word runs
    /// two letters or more past the stem ("probaton" → "probation"): one letter past ("probati", "restora") is a
    /// word being typed, and its one-letter edits with that stem are seldom words ("probatli"). Null when none is:
    /// nothing is said rather than a stem shown as a word.
    /// </summary>
    public static string? WordFor(string surface, Alternative alternative, Func<string, string> stem)
    {
        var correction = alternative.Kind == MatchKind.Correction;
        if (!correction && surface.Length < alternative.Term.Length + 2) return null;
        var edits = TypoExpander.Variants(surface).OrderByDescending(v => v.Length) // stable: insertions, same length, deletions
            .Where(v => correction || v.Length > surface.Length);
        if (correction) edits = edits.Concat(TypoExpander.FarVariants(surface));
        return edits.FirstOrDefault(v => stem(v) == alternative.Term);
    }

    /// <summary>The correction of <paramref name="query"/>, or null when none of the words is found in it as typed.</summary>
    public static QueryCorrection? Of(string query, IReadOnlyList<Correction> corrections)
    {
        // Surfaces are lower-cased: find each in the lower-cased query. JS lower-cases U+0130 to two code units, so
        // offsets would not carry over; search-core.js says nothing then, and neither does this.
        if (query.Contains('\u0130')) return null;
        var lower = query.ToLowerInvariant();
        var spans = corrections
            .Select(c => (Start: lower.IndexOf(c.Surface, StringComparison.Ordinal), c.Surface.Length, c.Word))
            .Where(s => s.Start >= 0)
            .OrderBy(s => s.Start).ToList();
        if (spans.Count == 0) return null;
        var shown = new StringBuilder();
        var exact = new StringBuilder();
        var at = 0;
        foreach (var (start, length, word) in spans)
        {
            if (start < at) continue; // overlapping: the first wins
            shown.Append(query, at, start - at).Append(word);
            exact.Append(query, at, start - at).Append('"').Append(query, start, length).Append('"');
            at = start + length;
        }
        shown.Append(query, at, query.Length - at);
        exact.Append(query, at, query.Length - at);
        char[] spaces = [' ', '\t', '\n', '\r', '\f', '\v', '\u00A0']; // QueryParser.IsSpace, as search-core.js trims
        return new QueryCorrection(shown.ToString().Trim(spaces), exact.ToString().Trim(spaces));
    }
}
