namespace Archivist.Search.Indexing;

/// <summary>One file of the index: its path inside the index folder and its bytes.</summary>
public sealed record IndexFile(string Path, byte[] Content);
