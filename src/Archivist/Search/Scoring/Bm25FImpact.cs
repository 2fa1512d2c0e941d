namespace Archivist.Search.Scoring;

/// <summary>
/// The per-document half of BM25F, computed at build time and stored as one byte: the saturated,
/// length-normalised, field-weighted term frequency. Query time multiplies it by the quantised idf.
/// </summary>
/// <remarks>
/// The export asks this for every posting of the archive, so each field's weight and average are looked up once here,
/// not through the parameters' and lengths' switches per posting; the arithmetic, and so every byte, is the same.
/// </remarks>
public sealed class Bm25FImpact
{
    public const int MaxQuantised = 255;

    private readonly double _b;
    private readonly double _k1;
    private readonly double[] _weights = new double[FieldLengths.Count];
    private readonly double[] _averages = new double[FieldLengths.Count];

    public Bm25FImpact(Bm25FParameters parameters, FieldLengths averages)
    {
        (_b, _k1) = (parameters.B, parameters.K1);
        for (var f = 0; f < FieldLengths.Count; f++)
        {
            _weights[f] = parameters.Weight((SearchField)f);
            _averages[f] = Math.Max(1.0, averages[f]);
        }
    }

    public byte Quantised(ReadOnlySpan<int> termFrequencies, FieldLengths lengths)
    {
        var weighted = 0.0;
        if (termFrequencies[0] != 0) weighted += Term(0, termFrequencies[0], lengths.Title);
        if (termFrequencies[1] != 0) weighted += Term(1, termFrequencies[1], lengths.Body);
        if (termFrequencies[2] != 0) weighted += Term(2, termFrequencies[2], lengths.Comments);
        var saturated = weighted / (weighted + _k1); // in (0, 1): (k1 + 1) is a constant factor, dropped
        return (byte)Math.Clamp((int)Math.Round(saturated * MaxQuantised), 1, MaxQuantised);
    }

    /// <summary>One field's weighted, length-normalised frequency (added up in field order, as the sum above).</summary>
    private double Term(int field, int frequency, double length)
    {
        var norm = 1 - _b + _b * length / _averages[field];
        return _weights[field] * frequency / norm;
    }
}
