namespace Archivist.Search.Scoring;

/// <summary>Token counts of a document's title, body and comments (or their averages over the archive).</summary>
public readonly record struct FieldLengths(double Title, double Body, double Comments)
{
    public const int Count = 3;

    public double this[int field] => field switch
    {
        0 => Title,
        1 => Body,
        _ => Comments,
    };

    /// <summary>
    /// Averages rounded to 1/16 of their power of two, so adding a post seldom moves them: every stored
    /// impact depends on them, and a moved average would rewrite every shard.
    /// </summary>
    public FieldLengths Stabilised() => new(Stable(Title), Stable(Body), Stable(Comments));

    private static double Stable(double average)
    {
        if (average < 16) return Math.Max(1, Math.Round(average));
        var step = Math.Pow(2, Math.Floor(Math.Log2(average)) - 4);
        return Math.Round(average / step) * step;
    }
}
