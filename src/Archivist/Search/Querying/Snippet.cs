namespace Archivist.Search.Querying;

/// <summary>A short extract of a passage around the best match; <see cref="Highlights"/> are (start, length) spans of matched words in <see cref="Text"/>.</summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int Length)> Highlights);
