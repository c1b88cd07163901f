namespace Dedup.Kernels.Backends;

/// <summary>A document of the check, with what names it in a mismatch.</summary>
public sealed record CheckDocument(string Kind, int IndexInKind, byte[] Text)
{
    public override string ToString() => $"{Kind} document #{IndexInKind} ({Text.Length:N0} bytes)";
}
