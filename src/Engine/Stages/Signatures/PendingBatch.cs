using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>Documents read but not yet signed: flat UTF-8 text plus where each came from.</summary>
internal sealed class PendingBatch
{
    private byte[] text;
    private int[] offsets;

    public PendingBatch(int byteCapacity, int documentCapacity)
    {
        text = new byte[byteCapacity];
        offsets = new int[documentCapacity + 1];
        Sources = new List<(int Shard, long Row, string Id, double Rank)>(documentCapacity);
    }

    public int Count => Sources.Count;

    public int Bytes => offsets[Count];

    public List<(int Shard, long Row, string Id, double Rank)> Sources { get; }

    /// <summary>How far into the task's shard files (their bytes, one after another) reading had got when the batch was closed.</summary>
    public long FileBytesThrough { get; set; }

    /// <summary>Whether <paramref name="length"/> more bytes fit; an empty batch takes any document.</summary>
    public bool Fits(int length, int maxBytes, int maxDocuments) =>
        Count == 0 || (Count < maxDocuments && (long)Bytes + length <= maxBytes);

    public void Add(ReadOnlySpan<byte> document, int shard, long row, string id, double rank)
    {
        int start = Bytes;
        if (start + document.Length > text.Length)
        {
            Array.Resize(ref text, (int)Math.Min(Array.MaxLength, Math.Max((long)start + document.Length, text.Length * 2L)));
        }

        if (Count + 2 > offsets.Length)
        {
            Array.Resize(ref offsets, offsets.Length * 2);
        }

        document.CopyTo(text.AsSpan(start));
        Sources.Add((shard, row, id, rank));
        offsets[Count] = start + document.Length;
    }

    public DocumentBatch ToDocumentBatch() => new(text, offsets, Count);

    /// <summary>Empties the batch for reuse, keeping its buffers.</summary>
    public void Clear()
    {
        Sources.Clear();
        offsets[0] = 0;
    }
}
