namespace Archivist.Search.Analysis;

/// <summary>
/// A span of the source text the tokenizer found, before any filter. <see cref="Position"/> counts
/// tokens from 0; a stacked token (the joined form of a hyphenated word) shares its first part's position.
/// </summary>
public readonly record struct RawToken(int Start, int End, int Position, bool Stacked);
