using Dedup.Bench.GpuCheck;
using Dedup.Engine.IO;

namespace Dedup.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- COMMAND [options]</c>: dispatches to one command and maps
/// failures to exit codes (1 usage, 2 failure) the way the dedup program does.
/// </summary>
public static class BenchProgram
{
    private const string Usage = """
        usage: bench COMMAND [options]   (docs/BENCHMARKS.md)
          signatures [--corpus DIR] [--mb N] [--runs N] [--json FILE]
              the signature stage alone, per backend, text already in memory
          generate --out DIR (--mb N | --documents N) [--profile long|short] [--shards K] [--gzip] [--seed S] [--source DIR]
              a synthetic corpus made from real documents (devmix), ~5% near-duplicates, ~2% copies;
              short: QA-like documents of 50-300 characters
          pipeline --corpus DIR [--runs N] [--device D] [--json FILE] [-- dedup run options]
              the whole dedup run, each run a child process: wall time, throughput, stages, peak memory
          staged --corpus DIR --run-dir D [--memory 1G] [--tasks N] [--partitions P] [--per-task] [--device D] [--json FILE] [-- plan options]
              dedup plan and each stage in child processes: time, peak RSS against --memory, done.json, bytes on disk
          gpu-check [options]
              every ILGPU device checked bit for bit against the CPU and timed (run by bench/gpu-check.sh)
          measure --result FILE -- COMMAND [ARGS...]
              runs COMMAND and writes its wall time, CPU time and peak RSS to FILE (used by pipeline)
          ptx --out DIR
              the PTX of every kernel for sm_90, for ptxas (.ci/check-ptx.sh)
        """;

    public static int Run(string[] args)
    {
        try
        {
            string[] rest = args.Length > 0 ? args[1..] : [];
            return args.FirstOrDefault() switch
            {
                "signatures" => SignaturesCommand.Run(rest),
                "generate" => GenerateCommand.Run(rest),
                "pipeline" => PipelineCommand.Run(rest),
                "staged" => StagedCommand.Run(rest),
                "gpu-check" => GpuCheckCommand.Run(rest),
                "measure" => MeasureCommand.Run(rest),
                "ptx" => PtxCommand.Run(rest),
                _ => throw new BenchUsageException(args.Length == 0 ? "name a command." : $"unknown command '{args[0]}'."),
            };
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
}
