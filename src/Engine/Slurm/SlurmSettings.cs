using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Slurm;

/// <summary>
/// How a run's stages go to Slurm: what the scripts ask of the scheduler (partition, time, any
/// other sbatch option), how many array tasks run at once, and the dedup command each task runs
/// (<paramref name="Program"/>: the executable, or the dotnet host and dedup.dll, as absolute paths).
/// Kept in RUN_DIR/slurm/submit.json so that a resubmission asks for the same.
/// </summary>
public sealed record SlurmSettings(
    IReadOnlyList<string> Program,
    string? Partition = null,
    string? Time = null,
    int? MaxParallel = null,
    IReadOnlyList<string>? SbatchArgs = null,
    string? Device = null,
    int? Threads = null)
{
    public const string FileName = "submit.json";

    public IReadOnlyList<string> SbatchArguments => SbatchArgs ?? [];

    /// <summary>
    /// These settings, with what they leave out (null) taken from the last submission of
    /// <paramref name="run"/>, else the defaults (every core, --device auto); checked.
    /// </summary>
    public SlurmSettings OrLastOf(RunFolder run)
    {
        var saved = Load(run);
        var settings = new SlurmSettings(
            Program,
            Partition ?? saved?.Partition,
            Time ?? saved?.Time,
            MaxParallel ?? saved?.MaxParallel,
            SbatchArgs ?? saved?.SbatchArgs,
            Device ?? saved?.Device ?? DeviceKind.Auto.Name(),
            Threads ?? saved?.Threads ?? 0);
        settings.Check();
        return settings;
    }

    public static string PathIn(RunFolder run) => Path.Combine(SlurmFolder.Of(run), FileName);

    /// <summary>The settings of the last submission of <paramref name="run"/>, if any.</summary>
    public static SlurmSettings? Load(RunFolder run)
    {
        string path = PathIn(run);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SlurmSettings>(File.ReadAllBytes(path), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new IO.InputException($"{path}: unreadable ({e.Message}); delete it and give the Slurm options again.");
        }
    }

    public void Save(RunFolder run) =>
        DurableFile.Write(PathIn(run), s => JsonSerializer.Serialize(s, this, RunJson.Options));

    public void Check()
    {
        if (MaxParallel is < 1)
        {
            throw new UsageException($"--max-parallel {MaxParallel}: give at least 1 (array tasks running at once).");
        }

        if (Threads < 0)
        {
            throw new UsageException($"--threads {Threads}: give 0 (all cores) or more.");
        }

        if (Program.Count == 0 || !Program.All(Path.IsPathFullyQualified))
        {
            throw new ArgumentException($"the dedup command must be absolute paths, not {string.Join(' ', Program)}");
        }
    }
}
