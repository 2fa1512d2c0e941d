namespace Archivist.Search.Querying;

/// <summary>The index is missing, damaged or of another format version: the message says which and what to do.</summary>
public sealed class SearchIndexException(string message, Exception? inner = null) : Exception(message, inner);
