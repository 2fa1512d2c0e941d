using Archivist.Content;
using Archivist.Search.Scoring;
using Lucene.Net.Index;

namespace Archivist.Search.Indexing;

/// <summary>
/// Where each post is in the index of record after an update, and its field lengths: read once, for relating and the
/// export alike (each read every post's id from Lucene on its own before, at 10,000 posts 15–30 ms of CPU each).
/// </summary>
public sealed class IndexedDocuments
{
    private IndexedDocuments(DirectoryReader reader, Dictionary<string, int> orderOfUrl, int[] orderOf, (int Leaf, int Doc)[] locations, FieldLengths[] lengths)
    {
        Reader = reader;
        OrderOfUrl = orderOfUrl;
        OrderOf = orderOf;
        Locations = locations;
        Lengths = lengths;
    }

    public DirectoryReader Reader { get; }

    public IList<AtomicReaderContext> Leaves => Reader.Leaves;

    /// <summary>Each post's place in <see cref="DocumentOrder"/>, by URL.</summary>
    public IReadOnlyDictionary<string, int> OrderOfUrl { get; }

    /// <summary>Lucene's doc id (across the whole index) → the post's order; -1 for a deleted document.</summary>
    public int[] OrderOf { get; }

    /// <summary>Each post's segment (an index into <see cref="Leaves"/>) and doc id in it, by order.</summary>
    public (int Leaf, int Doc)[] Locations { get; }

    /// <summary>Each post's field lengths in tokens, by order (read only).</summary>
    public FieldLengths[] Lengths { get; }

    public int Count => Lengths.Length;

    /// <param name="reader">The index of record.</param>
    /// <param name="documents">The posts in export order: the index must hold every one and no other.</param>
    /// <param name="idsOf">Each segment's post ids (URLs) by doc id (<see cref="ReadIds"/>, or remembered from an earlier read).</param>
    public static IndexedDocuments Read(DirectoryReader reader, IReadOnlyList<Post> documents, Func<AtomicReader, string[]> idsOf)
    {
        var orderOfUrl = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++) orderOfUrl[documents[i].Url] = i;
        var orderOf = new int[reader.MaxDoc];
        var locations = new (int, int)[documents.Count];
        var lengths = new FieldLengths[documents.Count];
        var found = 0;
        var leaves = reader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            var atomic = leaf.AtomicReader;
            var ids = idsOf(atomic);
            var title = atomic.GetNumericDocValues(IndexOfRecord.LengthFields[0]);
            var body = atomic.GetNumericDocValues(IndexOfRecord.LengthFields[1]);
            var comments = atomic.GetNumericDocValues(IndexOfRecord.LengthFields[2]);
            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                orderOf[leaf.DocBase + doc] = -1;
                if (live is not null && !live.Get(doc)) continue;
                if (!orderOfUrl.TryGetValue(ids[doc], out var order)) throw new InvalidDataException($"the index holds a post the archive does not: {ids[doc]}");
                orderOf[leaf.DocBase + doc] = order;
                locations[order] = (l, doc);
                lengths[order] = new FieldLengths(title.Get(doc), body.Get(doc), comments.Get(doc));
                found++;
            }
        }
        if (found != documents.Count) throw new InvalidDataException($"the index holds {found} posts, the archive {documents.Count}");
        return new IndexedDocuments(reader, orderOfUrl, orderOf, locations, lengths);
    }

    /// <summary>
    /// A segment's post ids (URLs) by doc id, deleted documents included. The ids are read in their sorted order, one walk
    /// of the sorted values, then placed by each document's ordinal: looking each document's id up on its own decodes a
    /// block of the compressed values for every document.
    /// </summary>
    public static string[] ReadIds(AtomicReader segment)
    {
        var ids = segment.GetSortedDocValues(IndexOfRecord.IdField);
        var byDoc = new string[segment.MaxDoc];
        if (ids is null)
        {
            Array.Fill(byDoc, "");
            return byDoc;
        }
        var values = new string[ids.ValueCount];
        var terms = ids.GetTermsEnum();
        for (var ord = 0; ord < values.Length && terms.MoveNext(); ord++) values[ord] = terms.Term.Utf8ToString();
        for (var doc = 0; doc < byDoc.Length; doc++)
        {
            var ord = ids.GetOrd(doc);
            byDoc[doc] = ord >= 0 && ord < values.Length ? values[ord] ?? "" : ""; // no id: not a post of the archive
        }
        return byDoc;
    }
}
