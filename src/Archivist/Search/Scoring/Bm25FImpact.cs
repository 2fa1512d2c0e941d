namespace Archivist.Search.Scoring;

/// <summary>
/// The per-document half of BM25F, computed at build time and stored as one byte: the saturated,
/// length-normalised, field-weighted term frequency. Query time multiplies it by the quantised idf.
/// </summary>
public sealed class Bm25FImpact(Bm25FParameters parameters, FieldLengths averages)
{
    public const int MaxQuantised = 255;

    public byte Quantised(ReadOnlySpan<int> termFrequencies, FieldLengths lengths)
    {
        var weighted = 0.0;
        for (var f = 0; f < FieldLengths.Count; f++)
        {
            if (termFrequencies[f] == 0) continue;
            var average = Math.Max(1.0, averages[f]);
            var norm = 1 - parameters.B + parameters.B * lengths[f] / average;
            weighted += parameters.Weight((SearchField)f) * termFrequencies[f] / norm;
        }
        var saturated = weighted / (weighted + parameters.K1); // in (0, 1): (k1 + 1) is a constant factor, dropped
        return (byte)Math.Clamp((int)Math.Round(saturated * MaxQuantised), 1, MaxQuantised);
    }
}
