namespace Archivist.Search.Scoring;

/// <summary>
/// BM25's inverse document frequency, ln(1 + (N − n + 0.5)/(n + 0.5)) as Lucene has it, quantised to an
/// integer at query time from the document count N (entry file) and the term's n (its shard). Scores are
/// then integer products, identical in the browser and the CLI.
/// </summary>
public static class Idf
{
    /// <summary>Resolution of the quantised idf: 1/64 of a nat.</summary>
    public const int Scale = 64;

    public static int Quantised(int documents, int documentFrequency)
    {
        var idf = DeterministicLog.Ln(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
        return (int)Math.Floor(idf * Scale + 0.5);
    }
}
