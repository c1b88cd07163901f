using Dedup.Bench.GpuCheck;
using Dedup.Engine.IO;

namespace Dedup.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- COMMAND [options]</c>: dispatches to one command and maps
/// failures to exit codes (1 usage, 2 failure) the way the dedup program does.
/// </summary>
public static class BenchProgram
{
    /// <summary>Every command with its synopsis and what it does, in the order the usage lists them.</summary>
    private static readonly BenchVerb[] Verbs =
    [
        new("signatures", SignaturesCommand.Run, """
            signatures [--corpus DIR] [--mb N] [--runs N] [--json FILE]
                the signature stage alone, per backend, text already in memory
            """),
        new("generate", GenerateCommand.Run, """
            generate --out DIR (--mb N | --documents N) [--profile long|short] [--shards K] [--gzip] [--seed S] [--source DIR]
                a synthetic corpus made from real documents (devmix), ~5% near-duplicates, ~2% copies;
                short: QA-like documents of 50-300 characters
            """),
        new("pipeline", PipelineCommand.Run, """
            pipeline --corpus DIR [--runs N] [--device D] [--json FILE] [-- dedup run options]
                the whole dedup run, each run a child process: wall time, throughput, stages, peak memory
            """),
        new("staged", StagedCommand.Run, """
            staged --corpus DIR --run-dir D [--memory 1G] [--tasks N] [--partitions P] [--per-task] [--device D] [--json FILE] [-- plan options]
                dedup plan and each stage in child processes: time, peak RSS against --memory, done.json, bytes on disk
            """),
        new("gpu-check", GpuCheckCommand.Run, """
            gpu-check [options]
                every ILGPU device checked bit for bit against the CPU and timed (run by bench/gpu-check.sh)
            """, GpuCheckOptions.Usage),
        new("measure", MeasureCommand.Run, """
            measure --result FILE -- COMMAND [ARGS...]
                runs COMMAND and writes its wall time, CPU time and peak RSS to FILE (used by pipeline)
            """),
        new("fuzz", FuzzCommand.Run, """
            fuzz (--minutes N | --seconds N) [--target readers|filter|cli] [--seed S] [--tally FILE]
                the fuzz properties of the tests for N minutes: random and damaged JSONL/gz/zst/Parquet through
                the readers, the filter and dedup run, in slices run by child processes (--tally: one slice here,
                its counts to FILE); cases by kind, failures with their seeds; --seed replays one case
            """),
        new("kill", KillCommand.Run, """
            kill --runs N [--corpus DIR] [--seed S]
                the kill soak: a clean dedup run of a copy of the corpus (devmix), then N runs stopped at a random
                moment by SIGKILL (SIGTERM, SIGINT one in three), rerun and compared with the clean outputs
            """),
        new("ptx", PtxCommand.Run, """
            ptx --out DIR
                the PTX of every kernel for sm_90, for ptxas (.ci/check-ptx.sh)
            """),
    ];

    private static readonly string Usage =
        "usage: bench COMMAND [options]   (docs/BENCHMARKS.md; bench COMMAND --help for one)\n" +
        string.Join("\n", Verbs.Select(v => Indent(v.Synopsis)));

    public static int Run(string[] args)
    {
        try
        {
            string[] rest = args.Length > 0 ? args[1..] : [];
            if (args.FirstOrDefault() is "--help" or "-h" or "help")
            {
                Console.Out.WriteLine(Usage);
                return 0;
            }

            var verb = Verbs.FirstOrDefault(v => v.Name == args.FirstOrDefault())
                ?? throw new BenchUsageException(args.Length == 0 ? "name a command." : $"unknown command '{args[0]}'.");
            if (AsksForHelp(rest))
            {
                Console.Out.WriteLine(verb.Help ?? "usage: bench " + verb.Synopsis);
                return 0;
            }

            return verb.Run(rest);
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 1;
        }
        catch (Exception e) when (e is BenchFailureException or InputException or ShardReadException)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 2;
        }
    }

    /// <summary>--help or -h among a command's own options; after "--" they belong to the child.</summary>
    private static bool AsksForHelp(string[] options) => options.TakeWhile(a => a != "--").Any(a => a is "--help" or "-h");

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(line => "  " + line));

    /// <param name="Help">What <c>bench NAME --help</c> prints; null: the synopsis.</param>
    private sealed record BenchVerb(string Name, Func<string[], int> Run, string Synopsis, string? Help = null);
}
