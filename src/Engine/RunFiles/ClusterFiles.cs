using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.Stages;
using Dedup.Engine.Stages.Buckets;
using Dedup.Engine.Stages.Cluster;
using Dedup.Engine.Stages.Filter;
using Dedup.Engine.Stages.Report;
using Dedup.Engine.Stages.Signatures;
namespace Dedup.Engine.RunFiles;

/// <summary>The names of the cluster task's files.</summary>
public static class ClusterFiles
{
    /// <summary>One <see cref="Records.Assignment"/> per clustered document of this run, by dense index.</summary>
    public const string Assignments = "assignments.bin";
}
