namespace Dedup.Bench;

/// <summary>One record of a source corpus: its UTF-8 text and where it came from (its <c>src</c> field).</summary>
public sealed record SourceRecord(byte[] Text, string Src);
