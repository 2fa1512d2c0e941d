namespace Archivist.Search.Querying;

public enum SearchOrder
{
    /// <summary>Highest score first; equal scores newest first.</summary>
    Relevance,
    /// <summary>Newest first.</summary>
    Date,
}

/// <summary>A query with its options: how many hits, which years (inclusive), which order.</summary>
public sealed record SearchRequest(string Query)
{
    public int Limit { get; init; } = 10;
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public SearchOrder Order { get; init; } = SearchOrder.Relevance;
}

/// <summary>
/// One result: the document, its integer score, and <see cref="Where"/> the best match is: <c>post</c>
/// (title or body) or a comment id such as <c>c3-2</c>.
/// </summary>
public sealed record SearchHit(int Doc, long Score, string Where, Format.DocumentMeta Meta)
{
    /// <summary>Every passage of the post holding the query's words, best first: <see cref="Where"/>, then the thread's other hits.</summary>
    public IReadOnlyList<string> Passages { get; init; } = [Where];
}

/// <summary>
/// The hits of a query. <see cref="Widened"/> when typo tolerance found posts that exact matching did not. <see cref="TermWeights"/>: each
/// matched term with its quantised idf + 1, which snippets use to prefer the passage's rarest words.
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, QueryPlan Plan, bool Widened, IReadOnlyDictionary<string, int> TermWeights)
{
    /// <summary>How much of the query's <see cref="FetchBudget"/> its shards and dictionary pages used, in units.</summary>
    public int FetchUnits { get; init; }

    /// <summary>When corrections found the hits (<see cref="Widened"/>): the query as searched, and how to search exactly what was typed.</summary>
    public QueryCorrection? Correction { get; init; }
}
