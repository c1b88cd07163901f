using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>Everything a reader said about one row, copied out so that it outlives the next Read.</summary>
public sealed record ReadRow(long Row, RecordStatus Status, string Id, byte[] Text, string? Problem)
{
    /// <summary>
    /// What must survive a copy of the shard (the filter's output) unchanged: status, text and id, the id only
    /// where the record has one (the reader's "path:row" stand-in changes with the row).
    /// </summary>
    public string Print(string relativePath) =>
        $"{Status}|{Convert.ToHexString(System.IO.Hashing.XxHash3.Hash(Text))}|{(Id == $"{relativePath}:{Row}" ? "-" : Id)}";
}
