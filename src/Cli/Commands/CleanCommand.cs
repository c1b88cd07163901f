using System.CommandLine;
using Dedup.Engine;
using Dedup.Engine.Ownership;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup clean [OUT] [--run-dir D]</c>: removes what runs that died left behind, and prints each thing it found.</summary>
public static class CleanCommand
{
    public static Command Create()
    {
        var output = new Argument<string?>("OUT") { Description = "The output folder of a run: its leftovers lie beside it (.OUT.dedup-staging-*, -work-*, -old-*, .OUT.dedup-lock).", Arity = ArgumentArity.ZeroOrOne };
        var runDir = new Option<string?>("--run-dir") { Description = "A run folder: partial folders of task attempts that died, and lock files nobody holds." };
        var command = new Command("clean", """
            Remove what interrupted or killed runs left behind: the staging and work folders beside OUT,
            an OUT a run had moved aside to replace it (put back when OUT is missing), partial task
            folders in a run folder, and lock files nobody holds. Only leftovers of processes of this
            host that have ended go; a live run's, another host's and an older dedup's (which name no
            owner) are kept and listed. Finished tasks and OUT's contents are never touched. The next
            run on the same OUT or task removes the same things by itself.
            """) { output, runDir };
        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            var leftovers = DedupClean.Execute(r.GetValue(output), r.GetValue(runDir));
            foreach (var leftover in leftovers)
            {
                Console.Out.WriteLine(leftover);
            }

            int gone = leftovers.Count(l => l.Fate != LeftoverFate.Kept);
            Console.Out.WriteLine(leftovers.Count == 0 ? "nothing to clean" : $"cleaned {gone} of {leftovers.Count} leftovers; {leftovers.Count - gone} kept");
            return ExitCodes.Success;
        }));
        return command;
    }
}
