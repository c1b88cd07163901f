using System.Diagnostics;
using Dedup.Reliability;

namespace Dedup.Bench;

/// <summary>
/// One trial of <c>bench kill</c>: <c>dedup run CORPUS -o OUT [--run-dir RD] --overwrite</c> stopped by a signal
/// after a random delay, then the same command run again to its end; its outputs must be the clean run's,
/// with nothing left beside OUT. SIGTERM and SIGINT must also make the stopped run exit 143 or 130 and
/// leave OUT as it was before (here: a folder holding one file of an earlier run), unless the signal came
/// too late to stop it (while OUT was being committed) and the run says so.
/// </summary>
/// <param name="Signal">Sent after <paramref name="Delay"/>: <see cref="Signals.SigTerm"/>, <see cref="Signals.SigInt"/>, or 9 for SIGKILL.</param>
/// <param name="OldOutput">Whether OUT already holds an earlier output, which --overwrite replaces.</param>
public sealed record KillTrial(int Number, int Signal, bool RunFolder, bool OldOutput, TimeSpan Delay)
{
    public const int SigKill = 9;

    private const string OldFile = "earlier-output.txt";

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

    public string Kind => $"{SignalName}{(RunFolder ? ", --run-dir" : "")}";

    public string SignalName => Signal switch
    {
        Signals.SigTerm => "SIGTERM",
        Signals.SigInt => "SIGINT",
        _ => "SIGKILL",
    };

    /// <summary>What happened: whether the signal reached a run still going, whether the rerun gave the clean outputs, and every way the trial went wrong.</summary>
    public sealed record Outcome(KillTrial Trial, bool StoppedBeforeEnd, bool IdenticalOutputs, List<string> Mismatches);

    /// <summary>Runs the trial in <paramref name="folder"/> (a fresh one); <paramref name="clean"/> holds the outputs of an uninterrupted run.</summary>
    public Outcome Run(string corpus, string clean, string folder)
    {
        string parent = Path.Combine(folder, "target");
        string output = Path.Combine(parent, "out");
        Directory.CreateDirectory(parent);
        string oldContent = $"the output of an earlier run (trial {Number})";
        if (OldOutput)
        {
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, OldFile), oldContent);
        }

        string[] command = ["run", corpus, "-o", output, "--overwrite", .. RunFolder ? ["--run-dir", Path.Combine(folder, "run")] : Array.Empty<string>()];
        var mismatches = new List<string>();
        bool stopped = Stop(command, out var stoppedRun);
        // A signal that came while OUT was being committed, too late to stop the run, must say so: then the run
        // exited 0 and OUT is its whole output, which the rerun's comparison checks.
        bool tooLate = stopped && stoppedRun.ExitCode == 0 && stoppedRun.Stderr.Contains("came too late to stop the run", StringComparison.Ordinal);
        if (Signal != SigKill && stopped && !tooLate)
        {
            int expected = Signal == Signals.SigTerm ? 143 : 130;
            Expect(mismatches, stoppedRun.ExitCode == expected, $"the {SignalName}ed run exited {stoppedRun.ExitCode}, not {expected}: {Tail(stoppedRun.Stderr)}");
            Expect(mismatches, AsItWas(output, oldContent), $"the {SignalName}ed run did not leave OUT as it was");
            ExpectOnly(mismatches, parent, output, $"after the {SignalName}ed run");
        }

        var rerun = DedupProcess.Run(command, RunLimit);
        Expect(mismatches, rerun.ExitCode == 0, $"the rerun exited {rerun.ExitCode}: {Tail(rerun.Stderr)}");
        var differences = rerun.ExitCode == 0 ? OutputComparison.Differences(clean, output, reports: true) : null;
        mismatches.AddRange(differences ?? []);

        ExpectOnly(mismatches, parent, output, "after the rerun");
        if (RunFolder)
        {
            var partial = Directory.GetDirectories(Path.Combine(folder, "run"), ".task-*", SearchOption.AllDirectories);
            Expect(mismatches, partial.Length == 0, $"the run folder still holds {string.Join(", ", partial)}");
        }

        return new Outcome(this, stopped, differences is { Count: 0 }, mismatches);
    }

    /// <summary>Starts the command and signals it after the delay; false when it had ended by then.</summary>
    private bool Stop(string[] command, out DedupProcess.Result result)
    {
        using var run = DedupProcess.Start(command);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Delay && !run.HasExited)
        {
            Thread.Sleep(1);
        }

        bool stopped = !run.HasExited;
        if (stopped)
        {
            if (Signal == SigKill)
            {
                run.Kill();
            }
            else
            {
                run.Signal(Signal);
            }
        }

        result = run.Wait(RunLimit);
        return stopped;
    }

    /// <summary>OUT as it was before the trial: absent, or the earlier output alone, unchanged.</summary>
    private bool AsItWas(string output, string oldContent) => OldOutput
        ? Directory.Exists(output) && Directory.GetFileSystemEntries(output).Select(Path.GetFileName).SequenceEqual([OldFile]) && File.ReadAllText(Path.Combine(output, OldFile)) == oldContent
        : !Path.Exists(output);

    /// <summary>The folder of OUT holds OUT alone: no staging, work or moved-aside folder of a run (.out.dedup-*).</summary>
    private static void ExpectOnly(List<string> mismatches, string parent, string output, string when)
    {
        var others = Directory.GetFileSystemEntries(parent).Where(e => e != output).ToArray();
        Expect(mismatches, others.Length == 0, $"{when}, beside OUT: {string.Join(", ", others.Select(Path.GetFileName))}");
    }

    private static void Expect(List<string> mismatches, bool holds, string what)
    {
        if (!holds)
        {
            mismatches.Add(what);
        }
    }

    private static string Tail(string stderr) => string.Join(" | ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}
