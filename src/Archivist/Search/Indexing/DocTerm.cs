namespace Archivist.Search.Indexing;

/// <summary>One term of one document: how often it occurs in each field and at which positions (ascending).</summary>
public sealed record DocTerm(string Term, int TitleFrequency, int BodyFrequency, int CommentsFrequency, int[] Positions);
