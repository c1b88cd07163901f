namespace Dedup.Bench;

/// <summary>A real document that generated ones are made from.</summary>
public sealed record PoolDocument(string Text, string Src);
