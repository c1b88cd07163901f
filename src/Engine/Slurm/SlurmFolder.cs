using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Slurm;

/// <summary>RUN_DIR/slurm: one sbatch script per stage, submit.json, jobs.jsonl, and logs/ with one file per array task.</summary>
public static class SlurmFolder
{
    public static string Of(RunFolder run) => Path.Combine(run.Path, "slurm");

    public static string Logs(RunFolder run) => Path.Combine(Of(run), "logs");

    public static string Script(RunFolder run, Stage stage) => Path.Combine(Of(run), $"{stage.Name()}.sbatch");

    public static string Jobs(RunFolder run) => Path.Combine(Of(run), "jobs.jsonl");
}
