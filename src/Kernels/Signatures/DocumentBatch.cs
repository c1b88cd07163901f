namespace Dedup.Kernels.Signatures;

/// <summary>
/// A batch of documents as flat UTF-8 bytes plus offsets: document d is
/// Text[Offsets[d] .. Offsets[d + 1]). This is the layout that copies straight to a device.
/// </summary>
public sealed class DocumentBatch
{
    public DocumentBatch(byte[] text, int[] offsets, int count)
    {
        if (offsets.Length < count + 1)
        {
            throw new ArgumentException($"offsets holds {offsets.Length} entries, {count + 1} needed", nameof(offsets));
        }

        Text = text;
        Offsets = offsets;
        Count = count;
    }

    public byte[] Text { get; }

    public int[] Offsets { get; }

    public int Count { get; }

    /// <summary>Bytes of text in the batch.</summary>
    public int Length => Offsets[Count] - Offsets[0];

    public ReadOnlySpan<byte> Document(int d) => Text.AsSpan(Offsets[d], Offsets[d + 1] - Offsets[d]);

    /// <summary>Builds a batch from separate documents (tests and tools).</summary>
    public static DocumentBatch From(IReadOnlyList<byte[]> documents)
    {
        var offsets = new int[documents.Count + 1];
        for (int d = 0; d < documents.Count; d++)
        {
            offsets[d + 1] = checked(offsets[d] + documents[d].Length);
        }

        var text = new byte[offsets[^1]];
        for (int d = 0; d < documents.Count; d++)
        {
            documents[d].CopyTo(text, offsets[d]);
        }

        return new DocumentBatch(text, offsets, documents.Count);
    }
}
