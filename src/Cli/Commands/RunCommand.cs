using System.CommandLine;
using Dedup.Engine;
using Dedup.Engine.Execution;
using Dedup.Engine.Output;
using Dedup.Engine.Reporting;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup run INPUT... -o OUT</c>: the whole pipeline in one process.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions();
        var machine = new MachineOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder that receives, once the run has succeeded: every input shard at its relative path, in its own format and compression, without its removed rows; " +
                $"{OutputNames.Clusters} (one line per cluster of two or more); {OutputNames.Removed("<shard>")} (the removed rows of each shard that has some, with cluster and keeper); " +
                $"{OutputNames.Report} and {OutputNames.ReportHtml} (counts, parameters, backend, times; the same at a glance, with plots). Must be empty or new, and outside the inputs.",
            Required = true,
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the contents of a non-empty output folder (only once the run has succeeded)." };
        var runDir = new Option<string?>("--run-dir") { Description = "Keep the intermediate files (signatures, band runs, edges, clusters) in this folder: a rerun after a failure resumes there, and a later run can deduplicate against it (--against). Default: a temporary folder beside OUT, deleted at the end." };

        var command = new Command("run", """
            Deduplicate a corpus: sign every document (MinHash over n-gram shingles), find candidate
            pairs by LSH banding, verify them, cluster, and write each shard without the duplicates.
            One document per cluster is kept (--keep). The stages are those of `dedup plan` and the
            stage commands, run one after another here. Outputs appear only when the run succeeds.
            OUT (and --run-dir) are locked while it runs: a second run on them fails at once. Ctrl-C
            or SIGTERM stop it at the next batch, remove what it staged and leave OUT as it was
            (exit 130, 143); what a run that died left is removed by the next run on OUT, or dedup clean.
            """);
        configuration.AddTo(command);
        command.Add(output);
        command.Add(overwrite);
        command.Add(runDir);
        machine.AddTo(command);

        command.SetAction((ParseResult r) => FailureHandler.RunInterruptible(Console.Error, interruption =>
        {
            var options = configuration.Read(r, r.GetValue(output)!) with
            {
                Overwrite = r.GetValue(overwrite),
                RunDir = r.GetValue(runDir),
                Device = machine.Device(r),
                Threads = machine.Threads(r),
            };
            bool silent = machine.Quiet(r);
            var progress = new RunProgress();
            RunReport report;
            using (var printer = silent ? null : new ProgressPrinter(progress, Console.Error, live: !Console.IsErrorRedirected))
            {
                var log = new ConsoleLog(Console.Error, silent, printer);
                interruption.Notify = log.Notice;
                report = DedupRun.Execute(options, log, progress, interruption.Token);
            }

            RunSummary.Print(Console.Out, report, options.Output);
            return ExitCodes.Success;
        }));
        return command;
    }
}
