using Archivist.Search.Analysis;

namespace Archivist.Search.Querying;

/// <summary>
/// Analyses clauses with the index's analyzer and expands the word being typed. A word that analyses to
/// several terms (<c>HMPPS/MoJ</c>, <c>re-professionalise</c>) is a phrase of its parts; stacked joined forms
/// are for the index only. The open last word (three letters or more) also accepts up to
/// <see cref="MaxPrefixExpansions"/> terms that start with it, or that it extends by at most three letters
/// (so "probatio" still finds "probat"), most frequent first — leaving out terms in more than one document
/// in <see cref="CommonDivisor"/>: their idf adds next to nothing, and their entries are the largest ("the"
/// must not fetch "they", "there", "them" and "their" too).
/// </summary>
public sealed class QueryPlanner(IndexReader reader, EnglishAnalyzer analyzer)
{
    public const int MinPrefixLength = 3;
    public const int MaxPrefixExpansions = 3;
    public const int MaxPrefixPages = 3;
    public const int CommonDivisor = 8;

    public QueryPlan Plan(ParsedQuery query)
    {
        var clauses = new List<PlannedClause>();
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            var clause = query.Clauses[c];
            var tokens = analyzer.Analyze(clause.Text).Where(t => !t.Stacked).ToList();
            if (tokens.Count == 0) continue;
            var slots = new List<Slot>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                var surface = analyzer.Normalized(clause.Text.AsSpan(t.Start, t.End - t.Start)) ?? t.Term;
                var prefix = query.PrefixOpen && c == query.Clauses.Count - 1 && i == tokens.Count - 1 && surface.Length >= MinPrefixLength;
                var alternatives = new List<Alternative> { new(t.Term, Exact: true) };
                if (prefix) alternatives.AddRange(PrefixExpansions(surface, t.Term).Select(term => new Alternative(term, Exact: false)));
                slots.Add(new Slot(t.Position - tokens[0].Position, surface, alternatives, prefix));
            }
            clauses.Add(new PlannedClause(slots, clause.Negated, clause.Quoted));
        }
        return new QueryPlan(clauses);
    }

    private IEnumerable<string> PrefixExpansions(string prefix, string exact)
    {
        var candidates = reader.TermsWithPrefix(prefix, MaxPrefixPages);
        for (var cut = 1; cut <= 3 && prefix.Length - cut >= 4; cut++)
        {
            var shorter = prefix[..^cut];
            if (reader.Df(shorter) is var df and > 0) candidates[shorter] = df;
        }
        candidates.Remove(exact);
        foreach (var common in candidates.Where(c => c.Value > reader.Entry.Documents / CommonDivisor).Select(c => c.Key).ToList())
            candidates.Remove(common);
        return Ranked(candidates, MaxPrefixExpansions);
    }

    /// <summary>Most frequent first, ties in term order: the order both clients use.</summary>
    public static IEnumerable<string> Ranked(Dictionary<string, int> candidates, int take) =>
        candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take).Select(c => c.Key);

    public static int IndexOf(IReadOnlyList<string> sorted, string term)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(sorted[mid], term);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}
