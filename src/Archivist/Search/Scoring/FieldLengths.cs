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

    /// <summary>The lengths summed (token counts: exact in a double, in any order).</summary>
    public static FieldLengths Sum(ReadOnlySpan<FieldLengths> lengths)
    {
        double title = 0, body = 0, comments = 0;
        foreach (var l in lengths)
        {
            title += l.Title;
            body += l.Body;
            comments += l.Comments;
        }
        return new FieldLengths(title, body, comments);
    }

    /// <summary>The archive-wide averages of documents' lengths, stabilised; 1 for an empty archive.</summary>
    public static FieldLengths AveragesOf(ReadOnlySpan<FieldLengths> lengths) =>
        lengths.Length == 0 ? new FieldLengths(1, 1, 1)
            : Sum(lengths) is var sums ? new FieldLengths(sums.Title / lengths.Length, sums.Body / lengths.Length, sums.Comments / lengths.Length).Stabilised() : default;

    private static double Stable(double average)
    {
        if (average < 16) return Math.Max(1, Math.Round(average));
        var step = Math.Pow(2, Math.Floor(Math.Log2(average)) - 4);
        return Math.Round(average / step) * step;
    }
}
