namespace Dedup.Engine.RunFiles;

/// <summary>
/// A finished intermediate file as its task's done.json records it: its length, the XXH3-64 of
/// the whole file, and the XXH3-64 of its block-hash sidecar (<see cref="BlockChecks"/>).
/// </summary>
public sealed record FileChecksum(long Bytes, string Xxh3, string BlocksXxh3);
