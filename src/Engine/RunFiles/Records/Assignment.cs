using System.Runtime.InteropServices;

namespace Dedup.Engine.RunFiles.Records;

/// <summary>
/// A clustered document of this run (assignments.bin, sorted by <see cref="Dense"/>): its
/// cluster number and the keeper, which may be a document of an --against run.
/// </summary>
/// <param name="Dense">The document's index in (shard, row) order among this run's signed documents.</param>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
public readonly record struct Assignment(long Dense, long Cluster, ulong Keeper) : IComparable<Assignment>
{
    public int CompareTo(Assignment other) => Dense.CompareTo(other.Dense);
}
