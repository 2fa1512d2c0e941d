namespace Archivist.Search.Analysis;

/// <summary>An index term with where it came from: the source span (for highlighting) and its position (for phrases).</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, int Position, bool Stacked);
