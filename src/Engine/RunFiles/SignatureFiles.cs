namespace Dedup.Engine.RunFiles;

/// <summary>The names of a signature task's files.</summary>
public static class SignatureFiles
{
    /// <summary><see cref="Records.DocumentRecord"/> per signed document, in signing order.</summary>
    public const string Documents = "documents.bin";

    /// <summary>The documents' ids, UTF-8, back to back (documents.bin says where each lies).</summary>
    public const string Ids = "ids.bin";

    /// <summary>Permutations x uint32 per document.</summary>
    public const string Signatures = "signatures.bin";

    /// <summary>Each document's sorted, distinct shingle values (only when verifying exactly).</summary>
    public const string Shingles = "shingles.bin";

    /// <summary>Where each document's shingles start in shingles.bin (int64 per document, plus the end).</summary>
    public const string ShingleStarts = "shingle-starts.bin";
}
