using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// A post, analysed: its terms and field lengths, and the passage table that maps a position back to the
/// title, the body or one comment (<see cref="PassageStarts"/>: title at 0, body, then each comment in
/// reading order, whose ids are <see cref="CommentIds"/>). Every term's positions are varint-encoded into
/// the one <see cref="Positions"/> array, so an analysis is a handful of objects however many terms it has.
/// </summary>
public sealed record DocumentAnalysis(
    IReadOnlyList<DocTerm> Terms,
    byte[] Positions,
    FieldLengths Lengths,
    int[] PassageStarts,
    string[] CommentIds)
{
    /// <summary>The document's fragment, compressed (<see cref="DocumentFragment"/>), when the build writes fragments; never cached.</summary>
    public byte[]? Fragment { get; init; }

    /// <summary>The passage table as the index stores it: each passage's start as the gap from the one before.</summary>
    public int[] PassageGaps()
    {
        var gaps = new int[PassageStarts.Length];
        for (var i = 0; i < gaps.Length; i++) gaps[i] = PassageStarts[i] - (i == 0 ? 0 : PassageStarts[i - 1]);
        return gaps;
    }

    /// <summary>The encoded positions of <paramref name="term"/> (one of <see cref="Terms"/>).</summary>
    public ReadOnlySpan<byte> PositionBytes(in DocTerm term) => Positions.AsSpan(term.PositionsStart, term.PositionsLength);

    /// <summary>The positions of <paramref name="term"/>, decoded.</summary>
    public int[] PositionsOf(in DocTerm term)
    {
        var r = new VarIntReader(PositionBytes(term));
        var positions = new int[term.Frequency];
        var p = 0;
        for (var i = 0; i < positions.Length; i++) positions[i] = p += r.ReadInt();
        return positions;
    }

    /// <summary>An analysis of terms given with their positions (term ids unknown).</summary>
    public static DocumentAnalysis Of(IEnumerable<(string Term, int Title, int Body, int Comments, int[] Positions)> terms,
        FieldLengths lengths, int[] passageStarts, string[] commentIds)
    {
        var w = new VarIntWriter();
        var list = new List<DocTerm>();
        foreach (var (term, title, body, comments, positions) in terms)
        {
            if (positions.Length != title + body + comments) throw new ArgumentException($"'{term}': positions do not match its frequencies");
            var start = w.Length;
            var previous = 0;
            foreach (var p in positions)
            {
                w.Write(p - previous);
                previous = p;
            }
            list.Add(new DocTerm(-1, term, title, body, comments, start, w.Length - start));
        }
        return new DocumentAnalysis(list, w.ToArray(), lengths, passageStarts, commentIds);
    }
}
