using Archivist.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

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

    /// <param name="orderOfUrl">Each post's place in <see cref="DocumentOrder"/> by URL: the posts the index must hold, every one and no other.</param>
    public static RelatedDocuments Read(DirectoryReader reader, IReadOnlyDictionary<string, int> orderOfUrl)
    {
        var count = orderOfUrl.Count;
        var orderOf = new int[reader.MaxDoc];
        var locations = new (int, int)[count];
        var lengths = new int[count];
        var found = 0;
        var bytes = new BytesRef();
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            var atomic = leaf.AtomicReader;
            var ids = atomic.GetSortedDocValues(IndexOfRecord.IdField);
            var title = atomic.GetNumericDocValues(IndexOfRecord.LengthFields[0]);
            var body = atomic.GetNumericDocValues(IndexOfRecord.LengthFields[1]);
            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                orderOf[leaf.DocBase + doc] = -1;
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, bytes);
                var url = bytes.Utf8ToString();
                if (!orderOfUrl.TryGetValue(url, out var order)) throw new InvalidDataException($"the index holds a post the archive does not: {url}");
                orderOf[leaf.DocBase + doc] = order;
                locations[order] = (l, doc);
                lengths[order] = checked((int)(title.Get(doc) + body.Get(doc)));
                found++;
            }
        }
        if (found != count) throw new InvalidDataException($"the index holds {found} posts, the archive {count}");
        return new RelatedDocuments(leaves, orderOf, locations, lengths);
    }
}
