namespace Dedup.Engine.Plan;

/// <summary>The stages of a run, in order; each runs as numbered tasks over a run folder.</summary>
public enum Stage
{
    Signatures,
    Buckets,
    Cluster,
    Filter,

    /// <summary>One task after the filter: publishes clusters.jsonl and the report into OUT.</summary>
    Report,
}

public static class StageNames
{
    public static string Name(this Stage stage) => stage.ToString().ToLowerInvariant();

    public static Stage Parse(string name) =>
        Enum.TryParse<Stage>(name, ignoreCase: true, out var stage) && name.All(char.IsLetter)
            ? stage
            : throw new UsageException($"'{name}' is not a stage; the stages are {string.Join(", ", Enum.GetValues<Stage>().Select(Name))}.");
}
