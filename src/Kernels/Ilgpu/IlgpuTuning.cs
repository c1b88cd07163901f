namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// How <see cref="IlgpuBackend"/> cuts the work; none of it changes a result (the tests run with
/// tiny values so that every boundary is crossed often).
/// </summary>
/// <param name="ChunkBytes">Bytes of text per tokenizing thread (docs/ARCHITECTURE.md, "Kernel shape").</param>
/// <param name="SegmentTokens">Shingles per MinHash work item (one item per segment and permutation).</param>
/// <param name="PartBytes">
/// Text per part: a batch is cut at document boundaries into parts of about this size (a longer
/// document is a part of its own), and parts alternate between two streams, so that copying one
/// part in and its results out overlaps with the kernels of the other.
/// </param>
public sealed record IlgpuTuning(int ChunkBytes = 256, int SegmentTokens = 256, int PartBytes = 8 << 20)
{
    public static IlgpuTuning Default { get; } = new();
}
