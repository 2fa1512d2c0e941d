namespace Archivist.Search.Scoring;

/// <summary>
/// Natural logarithm from IEEE additions, multiplications and divisions only, so .NET and JavaScript get
/// bit-identical results (Math.Log and Math.log may differ in the last bit, which could flip a rounded
/// idf and with it a ranking). search-core.js has the same function; keep the operations in the same order.
/// </summary>
public static class DeterministicLog
{
    private const double Ln2 = 0.6931471805599453;

    /// <summary>ln(x) for x ≥ 1 (all BM25 needs): x = m·2^e with m in [1, 2), ln m = 2·atanh((m−1)/(m+1)).</summary>
    public static double Ln(double x)
    {
        if (!(x >= 1)) throw new ArgumentOutOfRangeException(nameof(x), x, "defined here for x ≥ 1");
        var e = 0;
        while (x >= 2)
        {
            x /= 2;
            e++;
        }
        var z = (x - 1) / (x + 1);
        var z2 = z * z;
        var term = z;
        var sum = 0.0;
        for (var k = 1; k < 60; k += 2)
        {
            sum += term / k;
            term *= z2;
        }
        return e * Ln2 + 2 * sum;
    }
}
