using Archivist.Search.Indexing;
using Lucene.Net.Index;

namespace Archivist.Search.Related;

/// <summary>
/// The archive as related posts see it, read from the index of record: each post by its place in
/// <see cref="DocumentOrder"/> (oldest first, undated posts before the dated ones, as the archive orders them), where
/// Lucene holds it, and its length in tokens (title and body: what relating reads).
/// </summary>
internal sealed class RelatedDocuments
{
    private RelatedDocuments(IList<AtomicReaderContext> leaves, int[] orderOf, (int Leaf, int Doc)[] locations, int[] lengths)
    {
        Leaves = leaves;
        OrderOf = orderOf;
        Locations = locations;
        Lengths = lengths;
        LengthSums = new long[lengths.Length + 1];
        for (var i = 0; i < lengths.Length; i++) LengthSums[i + 1] = LengthSums[i] + lengths[i];
    }

    public IList<AtomicReaderContext> Leaves { get; }

    /// <summary>Lucene's doc id (across the whole index) → the post's order; -1 for a deleted document.</summary>
    public int[] OrderOf { get; }

    /// <summary>Each post's segment (an index into <see cref="Leaves"/>) and doc id in it, by order.</summary>
    public (int Leaf, int Doc)[] Locations { get; }

    /// <summary>Title and body length in tokens, by order.</summary>
    public int[] Lengths { get; }

    /// <summary><c>LengthSums[i]</c>: the lengths of posts 0 to i − 1 added up (the average length as of a post).</summary>
    public long[] LengthSums { get; }

    public int Count => Lengths.Length;

    /// <param name="indexed">Where the index of record holds each post.</param>
    public static RelatedDocuments Read(IndexedDocuments indexed)
    {
        var lengths = new int[indexed.Count];
        for (var order = 0; order < lengths.Length; order++) lengths[order] = checked((int)(indexed.Lengths[order].Title + indexed.Lengths[order].Body));
        return new RelatedDocuments(indexed.Leaves, indexed.OrderOf, indexed.Locations, lengths);
    }
}
