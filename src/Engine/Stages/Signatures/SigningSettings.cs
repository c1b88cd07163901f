using Dedup.Engine.Clustering;

namespace Dedup.Engine.Stages.Signatures;

/// <summary>
/// What the signature stage needs to know besides the backend: batch sizes, the keep policy's ranks, strictness,
/// and how many shards are read at once (<see cref="Plan.MemoryBudget.SignatureReaders"/>).
/// </summary>
public sealed record SigningSettings(int BatchBytes, int BatchDocuments, KeepPolicy Keep, bool Strict, int Readers);
