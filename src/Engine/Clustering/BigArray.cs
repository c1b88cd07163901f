namespace Dedup.Engine.Clustering;

/// <summary>An array indexed by long, in fixed-size chunks: not limited to one .NET array's 2^31 elements.</summary>
public sealed class BigArray<T>
    where T : unmanaged
{
    private const int ChunkBits = 24;
    private const long ChunkMask = (1L << ChunkBits) - 1;
    private readonly T[][] chunks;

    public BigArray(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        chunks = new T[(length + ChunkMask) >> ChunkBits][];
        for (long c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[Math.Min(1L << ChunkBits, length - (c << ChunkBits))];
        }
    }

    public long Length { get; }

    public ref T this[long index] => ref chunks[index >> ChunkBits][index & ChunkMask];
}
