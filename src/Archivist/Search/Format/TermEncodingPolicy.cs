namespace Archivist.Search.Format;

/// <summary>
/// What a term entry may cost, so that no query fetches too much however common its words.
/// </summary>
/// <param name="TopImpacts">Documents that keep an exact impact when a term is in more than this many.</param>
/// <param name="PositionBytes">Byte budget for a term's positions; highest-impact documents are served first.</param>
public sealed record TermEncodingPolicy(int TopImpacts, int PositionBytes);
