using Archivist.Search.Analysis;

namespace Archivist.Search.Querying;

/// <summary>
/// Analyses clauses with the index's analyzer and expands the word being typed. A word that analyses to
/// several terms (<c>HMPPS/MoJ</c>, <c>re-professionalise</c>) is a phrase of its parts; a hyphenated one is
/// also read joined ("reprofessionalise"), the form the index stacks, so <c>re-offending</c> finds
/// "reoffending" too.
/// <para>
/// The open last word (three letters or more) also accepts up to <see cref="MaxPrefixExpansions"/>
/// completions (terms that start with it), most frequent first, leaving out common terms
/// (<see cref="IsCommon"/>): their idf adds little and their entries are the largest ("the" must not fetch
/// "they", "there", "them" and "their" too). When the archive does not hold the typed word itself, it is a
/// word still being typed: it keeps its most frequent completion even if that is common, and it also accepts
/// the longest term it extends by one to three letters (its likely stem: "probatio" → "probat"), outside the
/// cap and the common cut.
/// </para>
/// <para>
/// A compound's open last part shorter than <see cref="MinPrefixLength"/> letters (<c>HMPPS/Mo</c>) is held
/// back until it is longer: it is too short to expand within the bounds, and matched exactly it would find
/// nothing while the reader types.
/// </para>
/// </summary>
public sealed class QueryPlanner(IndexReader reader, EnglishAnalyzer analyzer)
{
    public const int MinPrefixLength = 3;
    public const int MaxPrefixExpansions = 3;
    public const int MaxPrefixPages = 3;
    public const int CommonDivisor = 8;
    public const int CommonFloor = 64;
    public const int MaxStemCut = 3;
    public const int MinStemLength = 4;

    /// <summary>
    /// Whether a completion is too common to add: in more than 1 in <see cref="CommonDivisor"/> documents and in
    /// more than <see cref="CommonFloor"/>. The floor keeps small archives (below 512 posts) from calling a
    /// term in 2 of 11 posts common; its entries are a few hundred bytes there.
    /// </summary>
    public static bool IsCommon(int df, int documents) => df > Math.Max(CommonFloor, documents / CommonDivisor);

    public QueryPlan Plan(ParsedQuery query)
    {
        var clauses = new List<PlannedClause>();
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            var clause = query.Clauses[c];
            var tokens = analyzer.Analyze(clause.Text);
            var parts = tokens.Where(t => !t.Stacked).ToList();
            if (parts.Count == 0) continue;
            var open = query.PrefixOpen && c == query.Clauses.Count - 1;
            var joined = tokens.Any(t => t.Stacked);
            var readings = new List<Reading> { PartsReading(clause.Text, parts, open, expand: !joined) };
            // The joined reading carries the open word's expansions: it covers hyphenated and joined spellings.
            if (joined) readings.Add(JoinedReading(clause.Text, tokens, parts[0].Position, open));
            clauses.Add(new PlannedClause(readings, clause.Negated, clause.Quoted));
        }
        return new QueryPlan(clauses);
    }

    private Reading PartsReading(string text, List<AnalyzedToken> parts, bool open, bool expand)
    {
        if (open && parts.Count > 1 && Surface(text, parts[^1]).Length < MinPrefixLength) parts = parts[..^1];
        var slots = parts.Select((t, i) => MakeSlot(text, t, t.Position - parts[0].Position, open && expand && i == parts.Count - 1)).ToList();
        return new Reading(slots);
    }

    /// <summary>Each hyphenated compound as its stacked joined term, one position wide; other words as they are.</summary>
    private Reading JoinedReading(string text, IReadOnlyList<AnalyzedToken> tokens, int first, bool open)
    {
        var units = new List<(AnalyzedToken Token, int Offset)>();
        var shift = 0; // positions saved by the compounds joined so far
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Stacked) continue;
            var stacked = i + 1 < tokens.Count && tokens[i + 1] is { Stacked: true } s && s.Start == t.Start ? tokens[i + 1] : (AnalyzedToken?)null;
            units.Add((stacked ?? t, t.Position - first - shift));
            if (stacked is not { } compound) continue;
            var last = t.Position;
            while (i + 1 < tokens.Count && tokens[i + 1].Start < compound.End)
            {
                i++;
                if (!tokens[i].Stacked) last = tokens[i].Position;
            }
            shift += last - t.Position;
        }
        return new Reading([.. units.Select((u, k) => MakeSlot(text, u.Token, u.Offset, open && k == units.Count - 1))]);
    }

    private Slot MakeSlot(string text, AnalyzedToken t, int offset, bool open)
    {
        var surface = Surface(text, t);
        var prefix = open && surface.Length >= MinPrefixLength;
        var alternatives = new List<Alternative> { new(t.Term, MatchKind.Exact) };
        if (prefix) alternatives.AddRange(PrefixExpansions(surface, t.Term));
        return new Slot(offset, surface, alternatives, prefix);
    }

    private string Surface(string text, AnalyzedToken t) => analyzer.Normalized(text.AsSpan(t.Start, t.End - t.Start)) ?? t.Term;

    private List<Alternative> PrefixExpansions(string prefix, string exact)
    {
        var held = reader.Lookup(exact) is not null;
        var completions = reader.TermsWithPrefix(prefix, MaxPrefixPages);
        completions.Remove(exact);
        var ranked = Ranked(completions, int.MaxValue).ToList();
        var kept = ranked.Where(t => !IsCommon(completions[t], reader.Entry.Documents)).Take(MaxPrefixExpansions).ToList();
        if (kept.Count == 0 && !held && ranked.Count > 0) kept.Add(ranked[0]);
        var alternatives = kept.Select(t => new Alternative(t, MatchKind.Completion)).ToList();
        // The longest held cut: shorter ones are other words ("rest" for "restora"). Every cut's page is read,
        // as the browser fetches them alongside the prefix's pages.
        var cuts = Cuts(prefix).Select(t => (Term: t, Df: reader.Df(t))).ToList();
        var stem = cuts.FirstOrDefault(c => c.Term != exact && c.Df > 0).Term;
        if (!held && stem is not null) alternatives.Add(new Alternative(stem, MatchKind.Stem));
        return alternatives;
    }

    /// <summary>The open word shortened by one to <see cref="MaxStemCut"/> letters, longest first, none shorter than <see cref="MinStemLength"/>.</summary>
    public static IEnumerable<string> Cuts(string prefix)
    {
        for (var cut = 1; cut <= MaxStemCut && prefix.Length - cut >= MinStemLength; cut++) yield return prefix[..^cut];
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
