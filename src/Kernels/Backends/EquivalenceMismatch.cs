using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Backends;

/// <summary>A field of one document's result that differs from the reference's: the first value that does, expected and found.</summary>
public sealed record EquivalenceMismatch(SignatureParameters Parameters, BatchLayouts Layout, CheckDocument Document, string Field, string Expected, string Actual)
{
    public override string ToString() =>
        $"n={Parameters.ShingleSize} P={Parameters.Permutations} {Parameters.Bands}x{Parameters.Rows} seed {Parameters.Seed}, {LayoutName(Layout)}, {Document}: {Field}: {Expected} expected, {Actual} found";

    private static string LayoutName(BatchLayouts layout) => layout switch
    {
        BatchLayouts.OneBatch => "one batch",
        BatchLayouts.Offset => "one batch behind other bytes",
        _ => "batches of 1, 7 and 32",
    };
}
