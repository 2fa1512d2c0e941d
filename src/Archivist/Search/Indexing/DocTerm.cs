namespace Archivist.Search.Indexing;

/// <summary>
/// One term of one document: its id in the build's <see cref="TermTable"/> (or -1 when only its text is known,
/// as for an analysis read from the cache), how often it occurs in each field, and where its positions are in
/// <see cref="DocumentAnalysis.Positions"/>: ascending, as varint gaps (the first from 0), the very bytes a
/// term entry stores.
/// </summary>
public readonly record struct DocTerm(int Id, string Term, int TitleFrequency, int BodyFrequency, int CommentsFrequency,
    int PositionsStart, int PositionsLength)
{
    public int Frequency => TitleFrequency + BodyFrequency + CommentsFrequency;
}
