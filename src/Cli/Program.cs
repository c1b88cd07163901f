using System.CommandLine;
using Dedup.Cli.Commands;
using Dedup.Engine.Plan;

namespace Dedup.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var result = BuildRoot().Parse(args);
        if (CommandLineErrors.First(result) is not { } error)
        {
            return result.Invoke();
        }

        // In place of System.CommandLine's own output (its messages, then the whole help): one line like every other error.
        Console.Error.WriteLine($"dedup: error: {error}");
        Console.Error.WriteLine($"dedup: try '{CommandLineErrors.HelpCommand(result)}'");
        return ExitCodes.Usage;
    }

    public static RootCommand BuildRoot() => new($"""
        dedup: near-duplicate detection for LLM training data. MinHash signatures over word (and
        Han/Kana character) n-gram shingles, LSH banding, verification and clustering, on CUDA,
        OpenCL or the CPU. Start with: dedup run INPUT -o OUT
        {ExitCodes.Description}
        """)
    {
        RunCommand.Create(),
        PlanCommand.Create(),
        StageCommand.Create(Stage.Signatures),
        StageCommand.Create(Stage.Buckets),
        StageCommand.Create(Stage.Cluster),
        StageCommand.Create(Stage.Filter),
        StageCommand.Create(Stage.Report),
        SlurmCommand.Create(),
        CleanCommand.Create(),
        DevicesCommand.Create(),
        EvalCommand.Create(),
        InspectCommand.Create(),
    };
}
