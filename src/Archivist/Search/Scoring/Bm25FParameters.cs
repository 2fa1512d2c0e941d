namespace Archivist.Search.Scoring;

/// <summary>
/// BM25F settings: k1 saturates term frequency, b scales length normalisation, and each field's weight
/// multiplies its normalised frequency before saturation, so a title match outranks a body match, which
/// outranks a match somewhere in a long comment thread.
/// </summary>
public sealed record Bm25FParameters
{
    public double K1 { get; init; } = 1.2;
    public double B { get; init; } = 0.75;
    public double TitleWeight { get; init; } = 5.0;
    public double BodyWeight { get; init; } = 1.0;
    public double CommentsWeight { get; init; } = 0.5;

    public double Weight(SearchField field) => field switch
    {
        SearchField.Title => TitleWeight,
        SearchField.Body => BodyWeight,
        _ => CommentsWeight,
    };
}
