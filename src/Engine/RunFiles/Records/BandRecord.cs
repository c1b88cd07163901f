using System.Runtime.InteropServices;

namespace Dedup.Engine.RunFiles.Records;

/// <summary>
/// One document in one band's bucket (or, in the exact section, its 128-bit content hash as
/// Key:Content). Sorted by key, then content, then document: within a bucket the first record is
/// the leader, the member with the smallest content hash, so the pairs a bucket gives do not
/// depend on the order of the shards.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
public readonly record struct BandRecord(ulong Key, ulong Content, ulong Document) : IComparable<BandRecord>
{
    public int CompareTo(BandRecord other)
    {
        int c = Key.CompareTo(other.Key);
        if (c != 0)
        {
            return c;
        }

        c = Content.CompareTo(other.Content);
        return c != 0 ? c : Document.CompareTo(other.Document);
    }
}
