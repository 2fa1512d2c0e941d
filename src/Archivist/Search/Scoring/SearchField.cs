namespace Archivist.Search.Scoring;

/// <summary>The fields of a post document. Every comment of a thread is in <see cref="Comments"/>; its passage says which.</summary>
public enum SearchField
{
    Title = 0,
    Body = 1,
    Comments = 2,
}
