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
/// <para>
/// Everything a plan will read is admitted against the query's <see cref="FetchBudget"/> first: words past
/// what fits are ignored (<see cref="QueryPlan.IgnoredWords"/>), and the open word gets only the expansions
/// that fit.
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

    /// <summary>Plans a query with a budget of its own (a fresh query's).</summary>
    public QueryPlan Plan(ParsedQuery query) => Plan(query, new FetchBudget(reader));

    /// <summary>
    /// Plans the clauses in order while their terms fit <paramref name="budget"/> (see <see cref="FetchBudget"/>):
    /// the first that does not fit and the rest are ignored, except that a required quoted phrase keeps its
    /// leading words that fit. The open word's expansions take what the budget has left.
    /// </summary>
    public QueryPlan Plan(ParsedQuery query, FetchBudget budget)
    {
        var clauses = new List<PlannedClause>();
        int used = 0, ignored = 0;
        var stopped = false;
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            var clause = query.Clauses[c];
            if (stopped)
            {
                ignored += WordsOf(clause);
                continue;
            }
            var open = query.PrefixOpen && c == query.Clauses.Count - 1;
            if (Shape(clause.Text, open) is not { } shaped) continue;
            if (!budget.TryAdmit(TermsOf(shaped.Readings)))
            {
                stopped = true;
                var words = WordsOf(clause);
                shaped = null;
                if (clause is { Quoted: true, Negated: false })
                {
                    var pieces = Pieces(clause.Text);
                    for (var k = pieces.Count - 1; k >= 1 && shaped is null; k--)
                    {
                        var text = string.Join(' ', pieces.Take(k));
                        if (Shape(text, open: false) is { } shorter && budget.TryAdmit(TermsOf(shorter.Readings)))
                        {
                            shaped = shorter;
                            clause = clause with { Text = text };
                        }
                    }
                }
                if (shaped is null)
                {
                    ignored += words;
                    continue;
                }
                ignored += words - WordsOf(clause);
            }
            used += WordsOf(clause);
            var readings = shaped.Readings;
            if (shaped.Open is var (r, s))
            {
                var slot = readings[r].Slots[s];
                var slots = readings[r].Slots.ToList();
                slots[s] = slot with { Alternatives = [.. slot.Alternatives, .. PrefixExpansions(slot.Surface, slot.Term, budget)] };
                readings = [.. readings.Select((reading, i) => i == r ? new Reading(slots) : reading)];
            }
            clauses.Add(new PlannedClause(readings, clause.Negated, clause.Quoted));
        }
        return new QueryPlan(clauses) { UsedWords = used, IgnoredWords = ignored };
    }

    /// <summary>A clause's readings with their exact terms only, and which slot (reading, slot) expands as the open word; null when nothing in it analyses to a term.</summary>
    private sealed record Shaped(List<Reading> Readings, (int Reading, int Slot)? Open);

    private Shaped? Shape(string text, bool open)
    {
        var tokens = analyzer.Analyze(text);
        var parts = tokens.Where(t => !t.Stacked).ToList();
        if (parts.Count == 0) return null;
        var joined = tokens.Any(t => t.Stacked);
        var readings = new List<Reading> { PartsReading(text, parts, open, expand: !joined) };
        // The joined reading carries the open word's expansions: it covers hyphenated and joined spellings.
        if (joined) readings.Add(JoinedReading(text, tokens, parts[0].Position, open));
        var r = joined ? 1 : 0;
        var last = readings[r].Slots.Count - 1;
        return new Shaped(readings, readings[r].Slots[last].IsPrefix ? (r, last) : null);
    }

    private static IEnumerable<string> TermsOf(IEnumerable<Reading> readings) =>
        readings.SelectMany(r => r.Slots).Select(s => s.Term).Distinct(StringComparer.Ordinal);

    /// <summary>The space-separated pieces of a clause's text.</summary>
    private static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (QueryParser.IsSpace(text[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && !QueryParser.IsSpace(text[end])) end++;
            pieces.Add(text[i..end]);
            i = end;
        }
        return pieces;
    }

    /// <summary>How many words a clause counts as, for "only the first N words were used": its pieces that analyse to a term.</summary>
    private int WordsOf(QueryClause clause) => Pieces(clause.Text).Count(p => analyzer.Analyze(p).Any(t => !t.Stacked));

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

    /// <summary>A slot with its exact term; the open word's (three letters or more) is a prefix, expanded once the clause is admitted.</summary>
    private Slot MakeSlot(string text, AnalyzedToken t, int offset, bool open)
    {
        var surface = Surface(text, t);
        return new Slot(offset, surface, [new Alternative(t.Term, MatchKind.Exact)], open && surface.Length >= MinPrefixLength);
    }

    private string Surface(string text, AnalyzedToken t) => analyzer.Normalized(text.AsSpan(t.Start, t.End - t.Start)) ?? t.Term;

    private List<Alternative> PrefixExpansions(string prefix, string exact, FetchBudget budget)
    {
        // The pages of the prefix and of its cuts, all or none: without them the word is matched as typed.
        if (!budget.TryAdmit([], PrefixPages(prefix))) return [];
        var held = reader.Lookup(exact) is not null;
        var completions = reader.TermsWithPrefix(prefix, MaxPrefixPages);
        completions.Remove(exact);
        var ranked = Ranked(completions, int.MaxValue).ToList();
        // The most frequent that fit what is left of the budget (one sharing an admitted shard costs nothing).
        var kept = ranked.Where(t => !IsCommon(completions[t], reader.Entry.Documents) && budget.TryAdmit(t)).Take(MaxPrefixExpansions).ToList();
        if (kept.Count == 0 && !held && ranked.Count > 0 && budget.TryAdmit(ranked[0])) kept.Add(ranked[0]);
        var alternatives = kept.Select(t => new Alternative(t, MatchKind.Completion)).ToList();
        // The longest held cut: shorter ones are other words ("rest" for "restora"). Every cut's page is read,
        // as the browser fetches them alongside the prefix's pages.
        var cuts = Cuts(prefix).Select(t => (Term: t, Df: reader.Df(t))).ToList();
        var stem = cuts.FirstOrDefault(c => c.Term != exact && c.Df > 0).Term;
        if (!held && stem is not null && budget.TryAdmit(stem)) alternatives.Add(new Alternative(stem, MatchKind.Stem));
        return alternatives;
    }

    /// <summary>The dictionary pages prefix matching reads: per segment, up to <see cref="MaxPrefixPages"/> from the prefix's, and each cut's.</summary>
    private IEnumerable<(int Segment, int Page)> PrefixPages(string prefix)
    {
        for (var s = 0; s < reader.Entry.Segments.Count; s++)
        {
            var first = reader.PageIndex(s, prefix);
            var last = Math.Min(reader.PageIndex(s, prefix + '\uffff'), first + MaxPrefixPages - 1);
            for (var p = first; p <= last; p++) yield return (s, p);
        }
        foreach (var cut in Cuts(prefix))
            for (var s = 0; s < reader.Entry.Segments.Count; s++) yield return (s, reader.PageIndex(s, cut));
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
