namespace Archivist.Search.Format;

/// <summary>
/// What a query learns about one term from its shard, decoded. See docs/SEARCH-FORMAT.md for the byte
/// layout and <see cref="TermEntryCodec"/> for the code.
/// </summary>
/// <param name="Docs">Every document holding the term, ascending: exact membership, however common the term.</param>
/// <param name="Impacts">Quantised BM25F impact (1–255) per entry of <see cref="Docs"/>. A common term stores
/// exact impacts only for its top documents; the others read as the stored rest value.</param>
/// <param name="Positions">Positions per document, for the documents that have them (common terms keep them
/// only for their highest-impact documents, within a byte budget).</param>
public sealed record TermEntry(int[] Docs, byte[] Impacts, IReadOnlyDictionary<int, int[]> Positions)
{
    public int DocumentFrequency => Docs.Length;

    /// <summary>Index of <paramref name="doc"/> in <see cref="Docs"/>, or a negative number when absent.</summary>
    public int IndexOf(int doc) => Array.BinarySearch(Docs, doc);
}
