namespace Archivist.Search.Format;

/// <summary>A term's complete postings at build time: every member with its exact impact and all its positions.</summary>
public sealed record TermPostings(string Term, int[] Docs, byte[] Impacts, PositionLists Positions)
{
    /// <summary>The postings of documents in [<paramref name="from"/>, <paramref name="to"/>), or null when there are none.</summary>
    public TermPostings? Slice(int from, int to)
    {
        var start = Array.BinarySearch(Docs, from);
        if (start < 0) start = ~start;
        var end = Array.BinarySearch(Docs, to);
        if (end < 0) end = ~end;
        if (start == 0 && end == Docs.Length) return this;
        return end > start ? new TermPostings(Term, Docs[start..end], Impacts[start..end], Positions.Slice(start, end)) : null;
    }
}

/// <summary>
/// Each member's positions, still encoded as a term entry stores them (varint gaps, the first from 0), in one
/// shared buffer: an entry keeps the positions of only its best documents, and copies their bytes.
/// </summary>
public sealed class PositionLists(ReadOnlyMemory<byte> data, int[] counts, int[] starts, int[] lengths)
{
    public int Members => counts.Length;

    /// <summary>How many positions member <paramref name="i"/> has.</summary>
    public int Count(int i) => counts[i];

    /// <summary>Member <paramref name="i"/>'s positions, encoded.</summary>
    public ReadOnlySpan<byte> Bytes(int i) => data.Span.Slice(starts[i], lengths[i]);

    public int[] Decode(int i)
    {
        var r = new VarIntReader(Bytes(i));
        var positions = new int[counts[i]];
        var p = 0;
        for (var k = 0; k < positions.Length; k++) positions[k] = p += r.ReadInt();
        return positions;
    }

    public PositionLists Slice(int from, int to) => new(data, counts[from..to], starts[from..to], lengths[from..to]);

    /// <summary>Encodes plain position lists (tests, tools).</summary>
    public static PositionLists From(IReadOnlyList<int[]> positions)
    {
        var w = new VarIntWriter();
        var counts = new int[positions.Count];
        var starts = new int[positions.Count];
        var lengths = new int[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            counts[i] = positions[i].Length;
            starts[i] = w.Length;
            var previous = 0;
            foreach (var p in positions[i])
            {
                w.Write(p - previous);
                previous = p;
            }
            lengths[i] = w.Length - starts[i];
        }
        return new PositionLists(w.ToArray(), counts, starts, lengths);
    }
}
