namespace Dedup.Engine.Slurm;

/// <summary>The Slurm commands the launcher uses; tests put a recorder in their place.</summary>
public interface ISlurmCommands
{
    /// <summary>Runs <c>sbatch ARGUMENTS</c> (with --parsable among them) and returns the job id it printed.</summary>
    string Submit(IReadOnlyList<string> arguments);

    /// <summary>
    /// squeue's lines (job id, array index range, state) for those of <paramref name="jobIds"/>
    /// still queued or running; null when squeue cannot say (not installed, no controller).
    /// </summary>
    IReadOnlyList<string>? Queued(IReadOnlyList<string> jobIds);
}
