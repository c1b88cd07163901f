using System.Numerics;

namespace Dedup.Engine.Clustering;

/// <summary>A bit per element with rank queries (how many set bits lie below an index): numbers clusters by their root's order.</summary>
public sealed class RankedBits(long length)
{
    private const int WordsPerBlock = 8;
    private readonly BigArray<ulong> words = new((length + 63) / 64);
    private BigArray<long>? blockStarts;

    public void Set(long index) => words[index >> 6] |= 1UL << (int)(index & 63);

    public bool Get(long index) => (words[index >> 6] & (1UL << (int)(index & 63))) != 0;

    /// <summary>Prepares <see cref="Rank"/>; call after the last <see cref="Set"/>.</summary>
    public void Seal()
    {
        blockStarts = new BigArray<long>((words.Length / WordsPerBlock) + 1);
        long count = 0;
        for (long w = 0; w < words.Length; w++)
        {
            if (w % WordsPerBlock == 0)
            {
                blockStarts[w / WordsPerBlock] = count;
            }

            count += BitOperations.PopCount(words[w]);
        }
    }

    /// <summary>Set bits strictly below <paramref name="index"/>.</summary>
    public long Rank(long index)
    {
        long word = index >> 6;
        long count = blockStarts![word / WordsPerBlock];
        for (long w = word - (word % WordsPerBlock); w < word; w++)
        {
            count += BitOperations.PopCount(words[w]);
        }

        // index may be the length itself (a count of all set bits), one past the last word.
        return (index & 63) == 0 ? count : count + BitOperations.PopCount(words[word] & ((1UL << (int)(index & 63)) - 1));
    }
}
