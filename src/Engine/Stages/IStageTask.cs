using Dedup.Engine.Plan;
namespace Dedup.Engine.Stages;

/// <summary>
/// The shape every stage has: task I of it, run over a planned run folder. The plan fixes what the
/// task computes; the <see cref="StageContext"/> says where it runs and how it reports. A task reads
/// only the files of the stages before it and writes its own task folder (filter and report also
/// OUT), so its tasks can run in one process or on many machines alike.
/// </summary>
public interface IStageTask
{
    Stage Stage { get; }

    /// <summary>What the stage's progress line counts as its items.</summary>
    string ProgressUnit { get; }

    void Run(int task, StageContext context);
}
