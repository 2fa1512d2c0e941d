using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// A post, analysed: its terms and field lengths, and the passage table that maps a position back to the
/// title, the body or one comment (<see cref="PassageStarts"/>: title at 0, body, then each comment in
/// reading order, whose ids are <see cref="CommentIds"/>).
/// </summary>
public sealed record DocumentAnalysis(
    IReadOnlyList<DocTerm> Terms,
    FieldLengths Lengths,
    int[] PassageStarts,
    string[] CommentIds);
