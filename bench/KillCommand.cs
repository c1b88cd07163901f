using System.Diagnostics;
using Dedup.Reliability;

namespace Dedup.Bench;

/// <summary>
/// <c>kill --runs N [--corpus DIR] [--seed S]</c>: the kill soak. One clean <c>dedup run</c> of a copy of
/// the corpus (devmix by default), then N trials (<see cref="KillTrial"/>): two in three SIGKILL, one in
/// three SIGTERM or SIGINT, half with --run-dir, each at a random moment within the clean run's wall time,
/// then rerun and compared with the clean outputs. Prints the trials by kind, how many were stopped before
/// their end, how many gave identical outputs, and every mismatch; exits 2 if there was any.
/// </summary>
public static class KillCommand
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--runs", "--corpus", "--seed"]);
        int runs = options.Int("--runs", 30, 1);
        int seed = options.Int("--seed", Random.Shared.Next(), 0);
        string source = Path.GetFullPath(options.Value("--corpus", SourceRecords.DefaultCorpus));
        var random = new Random(seed);
        string work = Directory.CreateTempSubdirectory("dedup-kill-").FullName;
        try
        {
            string corpus = Path.Combine(work, "in");
            Copy(source, corpus);
            var inputs = InputFiles.Hashes(corpus);
            string clean = Path.Combine(work, "clean");
            var wall = CleanRun(corpus, clean, Path.Combine(work, "clean-run"));
            Console.WriteLine($"corpus: a copy of {source}; clean run {wall.TotalSeconds:F2} s; {runs} trials, delays drawn with --seed {seed}");

            var outcomes = new List<KillTrial.Outcome>();
            for (int i = 0; i < runs; i++)
            {
                var trial = Trial(i, random.NextDouble() * wall);
                string folder = Path.Combine(work, $"trial-{i:D3}");
                var outcome = trial.Run(corpus, clean, folder);
                Directory.Delete(folder, recursive: true);
                outcomes.Add(outcome);
                Console.WriteLine($"trial {i + 1}: {trial.Kind}{(trial.OldOutput ? ", earlier OUT" : "")} after {trial.Delay.TotalSeconds:F2} s: {(outcome.StoppedBeforeEnd ? "stopped" : "had ended")}, {(outcome.IdenticalOutputs ? "identical outputs" : "outputs differ")}, {outcome.Mismatches.Count} mismatches");
            }

            InputFiles.Unchanged(corpus, inputs, "the trials");
            Print(outcomes);
            return outcomes.Any(o => o.Mismatches.Count > 0) ? 2 : 0;
        }
        catch (PropertyViolation e)
        {
            throw new BenchFailureException(e.Message);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Two trials in three SIGKILL, the third SIGTERM and SIGINT in turn; --run-dir every other trial; an earlier OUT in half of each.</summary>
    private static KillTrial Trial(int i, TimeSpan delay)
    {
        int signal = i % 3 != 2 ? KillTrial.SigKill : (i / 3) % 2 == 0 ? Signals.SigTerm : Signals.SigInt;
        return new KillTrial(i + 1, signal, RunFolder: i % 2 == 0, OldOutput: (i / 2) % 2 == 1, delay);
    }

    private static TimeSpan CleanRun(string corpus, string output, string runFolder)
    {
        var clock = Stopwatch.StartNew();
        var run = DedupProcess.Run(["run", corpus, "-o", output, "--run-dir", runFolder], TimeSpan.FromMinutes(30));
        if (run.ExitCode != 0)
        {
            throw new BenchFailureException($"the clean run failed with exit code {run.ExitCode}:\n{run.Stderr}");
        }

        return clock.Elapsed;
    }

    private static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new BenchUsageException($"--corpus {from}: no such folder.");
        }

        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Print(List<KillTrial.Outcome> outcomes)
    {
        Console.WriteLine($"\n{outcomes.Count} trials, {outcomes.Count(o => o.StoppedBeforeEnd)} stopped before their end, {outcomes.Count(o => o.IdenticalOutputs)} reruns with outputs identical to the clean run, {outcomes.Count(o => o.Mismatches.Count > 0)} trials with mismatches");
        var table = new TextTable("kind", "trials", "stopped before end", "identical outputs", "trials with mismatches");
        foreach (var kind in outcomes.GroupBy(o => o.Trial.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.Add(kind.Key, $"{kind.Count()}", $"{kind.Count(o => o.StoppedBeforeEnd)}", $"{kind.Count(o => o.IdenticalOutputs)}", $"{kind.Count(o => o.Mismatches.Count > 0)}");
        }

        table.Write(Console.Out);
        foreach (var outcome in outcomes.Where(o => o.Mismatches.Count > 0))
        {
            Console.WriteLine($"\ntrial {outcome.Trial.Number} ({outcome.Trial.Kind}, after {outcome.Trial.Delay.TotalSeconds:F2} s):");
            foreach (string mismatch in outcome.Mismatches)
            {
                Console.WriteLine($"  {mismatch}");
            }
        }
    }
}
