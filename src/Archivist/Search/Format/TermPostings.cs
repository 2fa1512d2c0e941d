namespace Archivist.Search.Format;

/// <summary>A term's complete postings at build time: every member with its exact impact and all its positions.</summary>
public sealed record TermPostings(string Term, int[] Docs, byte[] Impacts, int[][] Positions)
{
    /// <summary>The postings of documents in [<paramref name="from"/>, <paramref name="to"/>), or null when there are none.</summary>
    public TermPostings? Slice(int from, int to)
    {
        var start = Array.BinarySearch(Docs, from);
        if (start < 0) start = ~start;
        var end = Array.BinarySearch(Docs, to);
        if (end < 0) end = ~end;
        if (start == 0 && end == Docs.Length) return this;
        return end > start ? new TermPostings(Term, Docs[start..end], Impacts[start..end], Positions[start..end]) : null;
    }
}
