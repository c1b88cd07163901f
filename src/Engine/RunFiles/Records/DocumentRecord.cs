using System.Runtime.InteropServices;

namespace Dedup.Engine.RunFiles.Records;

/// <summary>
/// What the later stages need of one signed document (documents.bin, 56 bytes a document, in
/// signing order). The id itself lives in ids.bin at <see cref="IdOffset"/>.
/// </summary>
/// <param name="Rank">Its rank under the keep policy: the highest-ranked member of a cluster is kept.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct DocumentRecord(
    long Row,
    ulong ContentLow,
    ulong ContentHigh,
    double Rank,
    long IdOffset,
    int IdLength,
    int Shard,
    int TextBytes,
    int TokenCount)
{
    public UInt128 ContentHash => new(ContentHigh, ContentLow);
}
