namespace Archivist.Search.Querying;

/// <summary>One part of a query as typed: a word, a "quoted phrase", or either preceded by '-' to exclude it.</summary>
public sealed record QueryClause(string Text, bool Negated, bool Quoted);
