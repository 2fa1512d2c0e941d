namespace Archivist.Search.Format;

/// <summary>A term's complete postings at build time: every member with its exact impact and all its positions.</summary>
public sealed record TermPostings(string Term, int[] Docs, byte[] Impacts, int[][] Positions);
