using System.Text.Json;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Slurm;

/// <summary>A job <c>dedup slurm submit</c> submitted: one line of RUN_DIR/slurm/jobs.jsonl.</summary>
public sealed record SubmittedJob(Stage Stage, string JobId, string Tasks, DateTimeOffset Submitted)
{
    private static readonly JsonSerializerOptions Line = new(RunJson.Options) { WriteIndented = false };

    public static void Append(RunFolder run, IEnumerable<SubmittedJob> jobs)
    {
        var lines = jobs.Select(j => JsonSerializer.Serialize(j, Line) + "\n");
        File.AppendAllText(SlurmFolder.Jobs(run), string.Concat(lines));
    }

    /// <summary>Every job submitted for <paramref name="run"/>, oldest first; lines that do not parse are passed over.</summary>
    public static IReadOnlyList<SubmittedJob> ReadAll(RunFolder run)
    {
        string path = SlurmFolder.Jobs(run);
        if (!File.Exists(path))
        {
            return [];
        }

        var jobs = new List<SubmittedJob>();
        foreach (string line in File.ReadLines(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<SubmittedJob>(line, Line) is { } job)
                {
                    jobs.Add(job);
                }
            }
            catch (JsonException)
            {
                // A line cut short by a crash names no job worth showing.
            }
        }

        return jobs;
    }
}
