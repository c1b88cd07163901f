namespace Dedup.Kernels.Backends;

/// <summary>How <see cref="EquivalenceCheck"/> hands the documents to a backend; every layout must give the same results.</summary>
[Flags]
public enum BatchLayouts
{
    /// <summary>All documents in one batch whose text starts its array.</summary>
    OneBatch = 1,

    /// <summary>One batch whose text starts behind bytes of no document, with the shingles captured.</summary>
    Offset = 2,

    /// <summary>Batches of 1, 7 and 32 documents in turn through one backend and one output, with the shingles captured.</summary>
    SmallBatches = 4,

    All = OneBatch | Offset | SmallBatches,
}
