using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

/// <summary>A planned run of a few tiny shards in a folder whose path has a space and a quote, and an sbatch that records its calls.</summary>
public sealed class SlurmRunFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public SlurmRunFixture(int shards = 4, int tasks = 4, int partitions = 4)
    {
        for (int s = 0; s < shards; s++)
        {
            temp.Write($"in/part-{s}.jsonl", $"{{\"id\":\"d{s}\",\"text\":\"shard {s} says hello to the launcher\"}}\n");
        }

        string input = Path.Combine(temp.Root, "in");
        var options = new DedupOptions { Inputs = [input], Output = PathOf("run dir's/output"), Tasks = tasks, Partitions = partitions };
        Run = RunPlanner.PlanOrResume(PathOf("run dir's"), RunPlanner.Create(options, ShardDiscovery.Discover([input])));
    }

    public RunFolder Run { get; }

    public RecordingSlurm Slurm { get; } = new();

    public SlurmSettings Settings(int? maxParallel = null, string[]? sbatchArgs = null) =>
        new([PathOf("bin dir/dedup")], "debug", "1:00:00", maxParallel, sbatchArgs ?? []);

    public string PathOf(string relative) => Path.Combine(temp.Root, relative);

    /// <summary>Marks tasks finished the way a task commits: its folder with done.json.</summary>
    public void Finish(Stage stage, params int[] tasks)
    {
        foreach (int task in tasks)
        {
            Directory.CreateDirectory(Run.TaskFolder(stage, task));
            File.WriteAllText(Path.Combine(Run.TaskFolder(stage, task), RunFileNames.TaskDone), "{}");
        }
    }

    public void Dispose() => temp.Dispose();

    /// <summary>An sbatch that answers job ids 1001, 1002, ... and keeps every argument list.</summary>
    public sealed class RecordingSlurm : ISlurmCommands
    {
        public List<IReadOnlyList<string>> Calls { get; } = [];

        public string Submit(IReadOnlyList<string> arguments)
        {
            Calls.Add(arguments);
            return (1000 + Calls.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public IReadOnlyList<string>? Queued(IReadOnlyList<string> jobIds) => [];
    }
}
