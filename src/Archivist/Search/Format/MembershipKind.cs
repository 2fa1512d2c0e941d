namespace Archivist.Search.Format;

/// <summary>How a term's document set is written: whichever is smallest for its density.</summary>
public enum MembershipKind : byte
{
    /// <summary>Doc-id gaps: rare terms.</summary>
    Gaps = 0,
    /// <summary>One bit per document up to the last member: terms in roughly 1/8 to 7/8 of documents.</summary>
    Bitmap = 1,
    /// <summary>Gaps between the documents that do NOT hold the term: "the", "probation".</summary>
    Complement = 2,
}
