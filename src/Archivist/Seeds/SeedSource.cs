namespace Archivist.Seeds;

/// <summary>
/// A seed file decoded and normalised into lines. Line <c>i</c> (0-based) is line <c>i + 1</c> of the file,
/// so every diagnostic can point back at the original text.
/// </summary>
public sealed record SeedSource(string Name, IReadOnlyList<string> Lines)
{
    /// <summary>Size of the file on disk, for throughput figures.</summary>
    public long ByteLength { get; init; }

    public static SeedSource FromText(string name, string text) =>
        new(name, TextNormalizer.SplitLines(text)) { ByteLength = System.Text.Encoding.UTF8.GetByteCount(text) };
}
