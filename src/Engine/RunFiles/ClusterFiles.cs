namespace Dedup.Engine.RunFiles;

/// <summary>The names of the cluster task's files.</summary>
public static class ClusterFiles
{
    /// <summary>One <see cref="Records.Assignment"/> per clustered document of this run, by dense index.</summary>
    public const string Assignments = "assignments.bin";
}
