using Dedup.Engine.Plan;

namespace Dedup.Engine.Slurm;

/// <summary>
/// One stage's unfinished tasks as one sbatch call: <paramref name="Arguments"/> are sbatch's,
/// ending with the script, without the dependency on the stage before, which only the submission
/// knows (<see cref="After"/>).
/// </summary>
public sealed record StageSubmission(Stage Stage, IReadOnlyList<int> Tasks, IReadOnlyList<string> Arguments)
{
    /// <summary>The arguments, made to wait for job <paramref name="previousJob"/> to succeed, and to be cancelled if it fails.</summary>
    public IReadOnlyList<string> After(string? previousJob)
    {
        if (previousJob is null)
        {
            return Arguments;
        }

        var arguments = Arguments.ToList();
        arguments.InsertRange(arguments.Count - 1, [$"--dependency=afterok:{previousJob}", "--kill-on-invalid-dep=yes"]);
        return arguments;
    }
}
