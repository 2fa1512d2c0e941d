namespace Archivist.Search.Querying;

/// <summary>How an alternative relates to what was typed: it decides the alternative's weight and which tier a hit falls in.</summary>
public enum MatchKind
{
    /// <summary>The typed word's own term.</summary>
    Exact,
    /// <summary>A term that starts with the open word ("timpson" for "timps").</summary>
    Completion,
    /// <summary>A term the open word extends by one to three letters ("probat" for "probatio"): the stem it is heading for.</summary>
    Stem,
    /// <summary>A typo correction: the stem of a word one edit away from what was typed.</summary>
    Correction,
}

/// <summary>A term a query slot accepts. Exact terms score in full; the others score 3/4.</summary>
public sealed record Alternative(string Term, MatchKind Kind)
{
    public bool Exact => Kind == MatchKind.Exact;
}

/// <summary>
/// One analysed word of a reading: at <see cref="Offset"/> within it (for phrases), as typed
/// (<see cref="Surface"/>, normalised, unstemmed: what prefix and typo matching start from), and the terms
/// that satisfy it, its exact term first.
/// </summary>
public sealed record Slot(int Offset, string Surface, IReadOnlyList<Alternative> Alternatives, bool IsPrefix)
{
    public string Term => Alternatives[0].Term;

    /// <summary>Whether the open word is the beginning of terms the archive holds: it is being typed, not mistyped.</summary>
    public bool Completes => Alternatives.Any(a => a.Kind == MatchKind.Completion);
}

/// <summary>One way to read a clause: its words at their offsets; several slots make a phrase.</summary>
public sealed record Reading(IReadOnlyList<Slot> Slots)
{
    public bool IsPhrase => Slots.Count > 1;

    /// <summary>Positions the reading covers: what a following clause's words must come after.</summary>
    public int Width => Slots[^1].Offset + 1;
}

/// <summary>
/// An analysed clause. Its first reading is its parts (<c>re-offending</c> → the phrase "re offend"); a clause
/// with hyphenated words also reads them joined ("reoffend"), as the index stacks them. A document matches the
/// clause when it matches any reading, and scores the best of them.
/// </summary>
public sealed record PlannedClause(IReadOnlyList<Reading> Readings, bool Negated, bool Quoted)
{
    /// <summary>The clause as its parts (the first reading).</summary>
    public IReadOnlyList<Slot> Slots => Readings[0].Slots;
}

public sealed record QueryPlan(IReadOnlyList<PlannedClause> Clauses)
{
    /// <summary>Words of the query the plan uses: each clause's space-separated pieces that analyse to a term.</summary>
    public int UsedWords { get; init; }

    /// <summary>Words left out because their terms did not fit the query's <see cref="FetchBudget"/>: "only the first <see cref="UsedWords"/> words were used".</summary>
    public int IgnoredWords { get; init; }

    public IEnumerable<PlannedClause> Required => Clauses.Where(c => !c.Negated);
    public IEnumerable<PlannedClause> Excluded => Clauses.Where(c => c.Negated);

    /// <summary>Every slot of every reading of the required clauses.</summary>
    public IEnumerable<Slot> RequiredSlots => Required.SelectMany(c => c.Readings).SelectMany(r => r.Slots);

    /// <summary>Every term a required slot accepts: what snippets highlight.</summary>
    public IEnumerable<string> RequiredTerms =>
        RequiredSlots.SelectMany(s => s.Alternatives).Select(a => a.Term).Distinct(StringComparer.Ordinal);

    /// <summary>Whether any slot accepts more than its exact term.</summary>
    public bool Expanded => Clauses.SelectMany(c => c.Readings).SelectMany(r => r.Slots).Any(s => s.Alternatives.Count > 1);

    /// <summary>The query read literally, each slot with its exact term only: the documents that rank first.</summary>
    public QueryPlan Literal => this with { Clauses = [.. Clauses.Select(c => c with
    {
        Readings = [.. c.Readings.Select(r => new Reading([.. r.Slots.Select(s => s with { Alternatives = [s.Alternatives[0]] })]))],
    })] };
}
