namespace Dedup.Kernels.Signatures;

/// <summary>The signature function's result for one document (the reference's output form).</summary>
public sealed record DocumentSignature(uint[] Signature, ulong[] BandKeys, UInt128 ContentHash, int TokenCount);
