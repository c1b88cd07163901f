namespace Dedup.Bench;

/// <summary>How a generated document relates to the others.</summary>
public enum DocumentKind
{
    /// <summary>Made from one or two real documents, edited far enough to be no one's near-duplicate.</summary>
    Distinct,

    /// <summary>A lightly edited variant of an earlier distinct document.</summary>
    NearDuplicate,

    /// <summary>The text of an earlier distinct document, byte for byte.</summary>
    ExactCopy,
}
