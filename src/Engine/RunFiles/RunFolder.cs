using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;

namespace Dedup.Engine.RunFiles;

/// <summary>
/// The folder of a staged run: run.json, and one folder per stage with one folder per finished
/// task (signatures/task-00003/...). A task folder appears, by a rename, only once everything in it
/// is written and its done.json records their checksums, so a folder that exists is complete.
/// </summary>
public sealed class RunFolder(string path, RunPlan plan)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public RunPlan Plan { get; } = plan;

    public static RunFolder Open(string path) => new(path, RunPlan.Load(path));

    public static string TaskName(int task) => $"task-{task:D5}";

    /// <summary>How the partial folders of a task's attempts begin: <c>.task-00003.partial-</c>HOST-PID-GUID (<see cref="TaskWriter"/>).</summary>
    public static string PartialPrefix(int task) => $".{TaskName(task)}.partial-";

    /// <summary>
    /// Takes the lock of the run folder <paramref name="path"/> (creating the folder), for a command that
    /// plans into it or runs all of it (<see cref="RunFileNames.Lock"/>); throws <see cref="InUseException"/> while another holds it.
    /// </summary>
    public static AdvisoryLock Lock(string path)
    {
        string full = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return AdvisoryLock.Acquire(System.IO.Path.Combine(full, RunFileNames.Lock), full);
    }

    /// <summary>The lock file of one task (<c>&lt;stage&gt;/.task-00003.lock</c>): two attempts of a task never write at once, while the stage's other tasks run beside it.</summary>
    public string TaskLock(Stage stage, int task) => System.IO.Path.Combine(StageFolder(stage), $".{TaskName(task)}.lock");

    /// <summary>Takes the lock of one task, for as long as an attempt at it runs; throws <see cref="InUseException"/> while another attempt holds it.</summary>
    public AdvisoryLock LockTask(Stage stage, int task) => AdvisoryLock.Acquire(TaskLock(stage, task), $"{stage.Name()} task {task} of {Path}");

    public string StageFolder(Stage stage) => System.IO.Path.Combine(Path, stage.Name());

    public string TaskFolder(Stage stage, int task) => System.IO.Path.Combine(StageFolder(stage), TaskName(task));

    public bool IsDone(Stage stage, int task) => File.Exists(System.IO.Path.Combine(TaskFolder(stage, task), RunFileNames.TaskDone));

    public IReadOnlyList<int> MissingTasks(Stage stage) =>
        Enumerable.Range(0, Plan.TaskCount(stage)).Where(t => !IsDone(stage, t)).ToList();

    /// <summary>Reads a finished task's marker, checking that it belongs to this plan.</summary>
    public TaskMarker Marker(Stage stage, int task)
    {
        string file = System.IO.Path.Combine(TaskFolder(stage, task), RunFileNames.TaskDone);
        TaskMarker? marker;
        try
        {
            marker = JsonSerializer.Deserialize<TaskMarker>(File.ReadAllBytes(file), RunJson.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InputException($"{file}: unreadable ({e.Message}); delete {TaskFolder(stage, task)} and run {stage.Name()} task {task} again.");
        }

        if (marker is null || marker.RunHash != Plan.HashFor(stage) || marker.Stage != stage || marker.Task != task)
        {
            throw new InputException($"{file} belongs to another plan (run hash {marker?.RunHash}, not {Plan.HashFor(stage)}); this run folder mixes runs. Delete {TaskFolder(stage, task)} and run the task again.");
        }

        if (!marker.IsIntact)
        {
            throw new InputException($"{file} was changed after the task wrote it (its checksum no longer matches), so its counts cannot be trusted. Delete {TaskFolder(stage, task)} and run {stage.Name()} task {task} again.");
        }

        return marker;
    }

    /// <summary>The markers of every task of <paramref name="stage"/>, which <paramref name="next"/> needs; names the missing ones.</summary>
    public IReadOnlyList<TaskMarker> RequireComplete(Stage stage, Stage next)
    {
        var missing = MissingTasks(stage);
        if (missing.Count > 0)
        {
            string list = string.Join(", ", missing.Take(20)) + (missing.Count > 20 ? $" and {missing.Count - 20} more" : string.Empty);
            throw new InputException(
                $"{next.Name()} needs every {stage.Name()} task, but {stage.Name()} task{(missing.Count > 1 ? "s" : string.Empty)} {list} of {Plan.TaskCount(stage)} "
                + $"{(missing.Count > 1 ? "have" : "has")} not finished (no {TaskName(missing[0])}/{RunFileNames.TaskDone} in {StageFolder(stage)}). "
                + $"Run them first: dedup {stage.Name()} --run-dir {Path} --task-index {missing[0]}");
        }

        return Enumerable.Range(0, Plan.TaskCount(stage)).Select(t => Marker(stage, t)).ToList();
    }

    /// <summary>Opens a file a finished task made; its bytes are checked against the task's checksums as they are read.</summary>
    public RecordFile<T> Open<T>(TaskMarker marker, string name)
        where T : unmanaged
    {
        string file = System.IO.Path.Combine(TaskFolder(marker.Stage, marker.Task), name);
        if (!marker.Files.TryGetValue(name, out var expected))
        {
            throw new IntermediateFileException(file, $"{marker.Stage.Name()} task {marker.Task} did not record it");
        }

        return new RecordFile<T>(file, expected);
    }
}
