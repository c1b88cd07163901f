using System.Diagnostics;
using Dedup.Reliability;

namespace Dedup.Bench;

/// <summary>
/// <c>fuzz (--minutes N | --seconds N) [--target readers|filter|cli] [--seed S] [--tally FILE]</c>: the fuzz
/// properties of the tests (tests/Reliability, one implementation for both) for as long as asked. The
/// targets take turns in slices, each slice a child process (<c>--tally</c>), so that a reader that hangs
/// (a thread that cannot be stopped) costs its slice and not the rest of the run; a failure is recorded with
/// its seed and the fuzzing goes on. Prints the cases by target, kind of input and outcome, then each failure
/// with the command that replays it, and exits 2 if there was any. With --seed, replays one case of --target.
/// </summary>
public static class FuzzCommand
{
    /// <summary>Long enough for CsCheck to shrink a failure it finds, short enough that every target gets turns.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(30);

    /// <summary>How long past its slice a child may take (start-up, the last case) before it counts as hung.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--minutes", "--seconds", "--target", "--seed", "--tally"]);
        var targets = options.Value("--target") is { } name
            ? [FuzzTargets.All.FirstOrDefault(t => t.Name == name) ?? throw new BenchUsageException($"--target {name}: give one of {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}.")]
            : FuzzTargets.All;
        if (options.Value("--seed") is { } seed)
        {
            return Replay(Single(targets, "--seed"), seed);
        }

        var budget = options.Value("--seconds") is not null
            ? TimeSpan.FromSeconds(options.Int("--seconds", 0, 1))
            : TimeSpan.FromMinutes(options.Int("--minutes", 1, 1));
        if (options.Value("--tally") is { } tally)
        {
            BenchJson.Write(tally, RunSlice(Single(targets, "--tally"), budget));
            return 0;
        }

        return RunInSlices(targets, budget);
    }

    private static FuzzTarget Single(IReadOnlyList<FuzzTarget> targets, string option) =>
        targets.Count == 1 ? targets[0] : throw new BenchUsageException($"{option} needs the one --target it is for.");

    private static int RunInSlices(IReadOnlyList<FuzzTarget> targets, TimeSpan budget)
    {
        Console.WriteLine($"fuzzing {string.Join(", ", targets.Select(t => t.Name))} for {budget.TotalMinutes:N1} min, in turns of up to {Slice.TotalSeconds:N0} s; {Environment.ProcessorCount} cores");
        var tallies = targets.ToDictionary(t => t.Name, _ => new FuzzTally());
        var failures = new List<FuzzSlice>();
        var clock = Stopwatch.StartNew();
        while (budget - clock.Elapsed >= TimeSpan.FromSeconds(1))
        {
            foreach (var target in targets)
            {
                var left = budget - clock.Elapsed;
                if (left < TimeSpan.FromSeconds(1))
                {
                    break;
                }

                var slice = RunChild(target, left < Slice ? left : Slice);
                foreach (var count in slice.Counts)
                {
                    tallies[target.Name].Add(count.Kind, count.Outcome, count.Cases);
                }

                if (slice.FailureMessage is not null)
                {
                    failures.Add(slice);
                    Console.WriteLine($"{target.Name}: failure, seed {slice.FailureSeed ?? "(none)"}");
                }
            }
        }

        Print(tallies, failures, clock.Elapsed);
        return failures.Count == 0 ? 0 : 2;
    }

    /// <summary>This program again, as <c>fuzz --target T --seconds S --tally FILE</c>.</summary>
    private static FuzzSlice RunChild(FuzzTarget target, TimeSpan time)
    {
        string tally = Path.Combine(Path.GetTempPath(), $"dedup-fuzz-slice-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (string a in new[] { typeof(FuzzCommand).Assembly.Location, "fuzz", "--target", target.Name, "--seconds", $"{(int)Math.Ceiling(time.TotalSeconds)}", "--tally", tally })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start) ?? throw new BenchFailureException("dotnet did not start.");
        try
        {
            if (!child.WaitForExit(time + Grace))
            {
                child.Kill(entireProcessTree: true);
                return new FuzzSlice(target.Name, [], null, $"the slice's process did not end within {(time + Grace).TotalSeconds:N0} s and was killed");
            }

            return child.ExitCode == 0 && File.Exists(tally)
                ? BenchJson.Read<FuzzSlice>(tally)
                : new FuzzSlice(target.Name, [], null, $"the slice's process failed with exit code {child.ExitCode}");
        }
        finally
        {
            File.Delete(tally);
        }
    }

    private static FuzzSlice RunSlice(FuzzTarget target, TimeSpan time)
    {
        var tally = new FuzzTally();
        FuzzFailure? failure = null;
        try
        {
            target.Run(tally, time);
        }
        catch (FuzzFailure e)
        {
            failure = e;
        }

        return new FuzzSlice(target.Name, [.. tally.Counts.Select(c => new FuzzSlice.Count(c.Kind, c.Outcome, c.Cases))], failure?.Seed, failure?.Message);
    }

    private static int Replay(FuzzTarget target, string seed)
    {
        try
        {
            target.Run(new FuzzTally(), TimeSpan.Zero, seed);
            Console.WriteLine($"{target.Name}: the case of seed {seed} passes");
            return 0;
        }
        catch (FuzzFailure failure)
        {
            Console.WriteLine(failure.Message);
            return 2;
        }
    }

    private static void Print(Dictionary<string, FuzzTally> tallies, List<FuzzSlice> failures, TimeSpan elapsed)
    {
        Console.WriteLine($"\n{tallies.Values.Sum(t => t.Cases):N0} cases in {elapsed.TotalMinutes:N1} min (shrinking of failures included), {failures.Count} failures");
        var table = new TextTable("target", "input", "outcome", "cases");
        foreach (var (target, tally) in tallies)
        {
            foreach (var (kind, outcome, cases) in tally.Counts)
            {
                table.Add(target, kind, outcome, $"{cases:N0}");
            }

            table.Add(target, "(all)", "", $"{tally.Cases:N0}");
        }

        table.Write(Console.Out);
        foreach (var failure in failures)
        {
            Console.WriteLine($"\n{failure.Target}: {failure.FailureMessage}");
        }
    }
}
