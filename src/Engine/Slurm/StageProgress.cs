using System.Globalization;
using System.Text.RegularExpressions;
using Dedup.Engine.Ownership;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Slurm;

/// <summary>An attempt at a task that has not committed: its hidden partial folder, the process that writes it (null in an older dedup's name), and when it last changed.</summary>
public sealed record TaskAttempt(int Task, string Folder, ProcessOwner? Owner, DateTime LastWriteUtc);

/// <summary>Where one stage of a run stands, from its task folders alone: which tasks finished, which are missing, which are being attempted.</summary>
public sealed partial record StageProgress(Stage Stage, int Total, IReadOnlyList<int> Missing, IReadOnlyList<TaskAttempt> Attempts)
{
    public int Finished => Total - Missing.Count;

    public static IReadOnlyList<StageProgress> Of(RunFolder run) =>
        Enum.GetValues<Stage>().Select(stage => new StageProgress(stage, run.Plan.TaskCount(stage), run.MissingTasks(stage), AttemptsOf(run, stage))).ToList();

    /// <summary>
    /// The partial folders TaskWriter leaves while a task runs (.task-00002.partial-HOST-PID-GUID), or
    /// after an attempt died; a later attempt of the same task removes dead ones.
    /// </summary>
    private static List<TaskAttempt> AttemptsOf(RunFolder run, Stage stage)
    {
        string folder = run.StageFolder(stage);
        var attempts = new List<TaskAttempt>();
        if (!Directory.Exists(folder))
        {
            return attempts;
        }

        foreach (string path in Directory.EnumerateDirectories(folder, ".task-*.partial-*"))
        {
            var match = PartialName().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int task))
            {
                continue;
            }

            var owner = ProcessOwner.FromName(Path.GetFileName(path), match.Value);
            try
            {
                attempts.Add(new TaskAttempt(task, path, owner, LastWrite(path)));
            }
            catch (IOException)
            {
                // The attempt committed (its folder was renamed) or was removed while we looked.
            }
        }

        return attempts.OrderBy(a => a.Task).ToList();
    }

    private static DateTime LastWrite(string folder)
    {
        var last = Directory.GetLastWriteTimeUtc(folder);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var time = File.GetLastWriteTimeUtc(file);
            last = time > last ? time : last;
        }

        return last;
    }

    [GeneratedRegex(@"^\.task-(\d+)\.partial-")]
    private static partial Regex PartialName();
}
