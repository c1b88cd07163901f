namespace Dedup.Engine.Clustering;

/// <summary>A cluster of two or more documents; <see cref="Members"/> are ascending dense indices and include the keeper.</summary>
public sealed record DuplicateCluster(int Number, int Keeper, int[] Members);
