namespace Archivist.Search.Querying;

/// <summary>A term a query slot accepts. Exact terms score in full; prefix and typo expansions score 3/4.</summary>
public sealed record Alternative(string Term, bool Exact);

/// <summary>
/// One analysed word of a clause: at <see cref="Offset"/> within its clause (for phrases), as typed
/// (<see cref="Surface"/>, normalised, unstemmed: what prefix and typo matching start from), and the terms
/// that satisfy it.
/// </summary>
public sealed record Slot(int Offset, string Surface, IReadOnlyList<Alternative> Alternatives, bool IsPrefix);

/// <summary>An analysed clause: a single word, or a phrase when it has several slots.</summary>
public sealed record PlannedClause(IReadOnlyList<Slot> Slots, bool Negated, bool Quoted)
{
    public bool IsPhrase => Slots.Count > 1;
}

public sealed record QueryPlan(IReadOnlyList<PlannedClause> Clauses)
{
    public IEnumerable<PlannedClause> Required => Clauses.Where(c => !c.Negated);
    public IEnumerable<PlannedClause> Excluded => Clauses.Where(c => c.Negated);

    /// <summary>Every term a required slot accepts: what snippets highlight.</summary>
    public IEnumerable<string> RequiredTerms =>
        Required.SelectMany(c => c.Slots).SelectMany(s => s.Alternatives).Select(a => a.Term).Distinct(StringComparer.Ordinal);
}
