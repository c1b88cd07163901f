namespace Dedup.Engine.Staged;

/// <summary>The stages of a run, in order; each runs as numbered tasks over a run folder.</summary>
public enum Stage
{
    Signatures,
    Buckets,
    Cluster,
    Filter,
}

public static class StageNames
{
    public static string Name(this Stage stage) => stage.ToString().ToLowerInvariant();

    public static Stage Parse(string name) =>
        Enum.TryParse<Stage>(name, ignoreCase: true, out var stage) && name.All(char.IsLetter)
            ? stage
            : throw new UsageException($"'{name}' is not a stage; the stages are signatures, buckets, cluster and filter.");
}
