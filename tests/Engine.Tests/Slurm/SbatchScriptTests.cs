using System.Diagnostics;
using Dedup.Engine.Plan;
using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

public class SbatchScriptTests
{
    [Fact]
    public void AnArrayStageAsksForItsTasksNamesItsLogsAndPassesSbatchOptionsThrough()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 4);
        var settings = f.Settings(maxParallel: 2, sbatchArgs: ["--gres=gpu:1", "--comment=dedup of a b"]);
        string script = SbatchScript.Text(f.Run, Stage.Signatures, settings);
        var directives = script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Equal(
            [
                "#SBATCH --job-name=dedup-signatures",
                $"#SBATCH \"--output={f.PathOf("run dir's/slurm/logs")}/%x-%A_%a.out\"",
                "#SBATCH --array=0-3%2",
                "#SBATCH --partition=debug",
                "#SBATCH --time=1:00:00",
                "#SBATCH --gres=gpu:1",
                "#SBATCH \"--comment=dedup of a b\"",
            ],
            directives);

        // sbatch reads #SBATCH lines only up to the first command.
        var lines = script.Split('\n');
        int lastDirective = Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH", StringComparison.Ordinal));
        Assert.All(lines[..lastDirective], l => Assert.StartsWith("#", l));
        Assert.Contains("sbatch --array=0,3 ", script);
        Assert.Contains("dedup slurm submit --run-dir ", script);
    }

    [Fact]
    public void AOneTaskStageIsAPlainJobThatNamesItsTask()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 4);
        string script = SbatchScript.Text(f.Run, Stage.Cluster, f.Settings(maxParallel: 2));

        Assert.DoesNotContain("--array=0", script.Split('\n').Where(l => l.StartsWith("#SBATCH", StringComparison.Ordinal)));
        Assert.Contains($"#SBATCH \"--output={f.PathOf("run dir's/slurm/logs")}/%x-%j.out\"\n", script);
        Assert.Equal([f.PathOf("bin dir/dedup"), "cluster", "--run-dir", f.Run.Path, "--task-index", "0", "--device", "auto", "--threads", "0"], SbatchScript.Command(f.Run, Stage.Cluster, f.Settings()));
    }

    /// <summary>Runs each written script with bash, the way a Slurm task would, with a program that records its arguments.</summary>
    [Fact]
    public void TheScriptsHandTheProgramItsArgumentsUnchangedThroughSpacesAndQuotes()
    {
        using var f = new SlurmRunFixture(shards: 2, tasks: 2, partitions: 2);
        string program = f.PathOf("bin dir/dedup");
        string record = f.PathOf("bin dir/arguments");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, $"#!/bin/bash\nprintf '%s\\0' \"$SLURM_ARRAY_TASK_ID\" \"$@\" > '{record.Replace("'", "'\\''", StringComparison.Ordinal)}'\n");
        var settings = f.Settings() with { Program = ["/bin/bash", program], Device = "cpu", Threads = 3 };
        SlurmLauncher.WriteScripts(f.Run, settings);

        foreach (var stage in Enum.GetValues<Stage>())
        {
            var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
            start.ArgumentList.Add(SlurmFolder.Script(f.Run, stage));
            start.Environment["SLURM_ARRAY_TASK_ID"] = "1";
            using (var bash = Process.Start(start)!)
            {
                string stderr = bash.StandardError.ReadToEnd();
                bash.WaitForExit();
                Assert.True(bash.ExitCode == 0, stderr);
            }

            var seen = File.ReadAllText(record).Split('\0')[..^1];
            var expected = new List<string> { "1", stage.Name(), "--run-dir", f.Run.Path };
            if (stage is Stage.Cluster or Stage.Report)
            {
                expected.AddRange(["--task-index", "0"]);
            }

            expected.AddRange(["--device", "cpu", "--threads", "3"]);
            Assert.Equal(expected, seen);
        }
    }
}
