using System.Diagnostics;
using System.Text.Json;
using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// One attempt at one task: its files go into a partial folder of its own (named with its host and
/// pid), and <see cref="Commit"/> writes done.json and renames the folder into place. An attempt
/// that dies leaves only a partial folder, which the next attempt of the task removes once its
/// process has ended. The stage runner holds the task's lock around an attempt,
/// so two attempts do not race; were they to (a file system without locks), both would produce
/// the same bytes, and the first rename would win.
/// </summary>
public sealed class TaskWriter : IDisposable
{
    private readonly RunFolder run;
    private readonly Stage stage;
    private readonly int task;
    private readonly Dictionary<string, FileChecksum> files = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private bool committed;

    public TaskWriter(RunFolder run, Stage stage, int task)
    {
        this.run = run;
        this.stage = stage;
        this.task = task;
        string stageFolder = run.StageFolder(stage);
        Directory.CreateDirectory(stageFolder);
        RunLeftovers.RemoveEndedAttempts(stageFolder, task);
        PeakMemory.Reset();
        Folder = Path.Combine(stageFolder, ProcessOwner.NewName(RunFolder.PartialPrefix(task)));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Where this attempt writes; it becomes the task folder on <see cref="Commit"/>.</summary>
    public string Folder { get; }

    /// <summary>Seconds since the attempt started.</summary>
    public double Elapsed => Math.Round(clock.Elapsed.TotalSeconds, 3);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public ChecksummedWriter Create(string name, int bufferBytes = MemoryBudget.StreamBufferBytes) => new(PathOf(name), bufferBytes);

    /// <summary>Records a finished file's checksum for done.json.</summary>
    public void Record(string name, FileChecksum checksum) => files[name] = checksum;

    /// <summary>Completes <paramref name="writer"/> and records it under <paramref name="name"/>.</summary>
    public void Complete(string name, ChecksummedWriter writer) => Record(name, writer.Complete());

    public void Commit<TStats>(TStats stats)
    {
        var marker = new TaskMarker(
            run.Plan.HashFor(stage), stage, task, Elapsed, PeakMemory.Bytes(), files,
            JsonSerializer.SerializeToElement(stats, RunJson.Options)).Sealed();
        DurableFile.Write(PathOf(RunFileNames.TaskDone), s => JsonSerializer.Serialize(s, marker, RunJson.Options));
        try
        {
            Directory.Move(Folder, run.TaskFolder(stage, task));
            DurableFile.SyncFolder(run.StageFolder(stage));
        }
        catch (IOException) when (run.IsDone(stage, task))
        {
            // Another attempt of the same task finished first; its files are the same.
            Directory.Delete(Folder, recursive: true);
        }

        committed = true;
    }

    public void Dispose()
    {
        if (!committed && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
