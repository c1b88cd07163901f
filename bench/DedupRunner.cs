using System.Diagnostics;
using Dedup.Engine.Reporting;

namespace Dedup.Bench;

/// <summary>
/// Runs the built dedup program (<c>dotnet dedup.dll run CORPUS -o OUT ...</c>, copied beside the bench by its
/// project reference) under <c>bench measure</c> in a child process, into a temporary folder deleted afterwards.
/// </summary>
public sealed class DedupRunner(string corpus, IReadOnlyList<string> dedupOptions)
{
    // The muxer on PATH: the one `dotnet run --project bench` was started with.
    private const string Dotnet = "dotnet";

    private static readonly string DedupDll = Path.Combine(AppContext.BaseDirectory, "dedup.dll");

    public PipelineRun Run()
    {
        if (!File.Exists(DedupDll))
        {
            throw new BenchFailureException($"{DedupDll} is missing; build the bench (dotnet build -c Release bench), which builds dedup beside it.");
        }

        string work = Directory.CreateTempSubdirectory("dedup-bench-").FullName;
        try
        {
            string output = Path.Combine(work, "out");
            string usageFile = Path.Combine(work, "usage.json");
            var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] arguments =
            [
                typeof(DedupRunner).Assembly.Location, "measure", "--result", usageFile, "--",
                Dotnet, DedupDll, "run", corpus, "-o", output, .. dedupOptions,
            ];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new BenchFailureException($"{Dotnet} did not start.");
            // Both pipes drained at once: a child blocked on a full stderr pipe would never exit.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new BenchFailureException(
                    $"dedup run failed with exit code {process.ExitCode}: {Dotnet} {string.Join(' ', arguments)}\n{stderr.Result}{stdout.Result}");
            }

            var usage = BenchJson.Read<ChildUsage>(usageFile);
            var report = ReportFile.Read(Path.Combine(output, "report.json"));
            double cpu = usage.UserSeconds + usage.SystemSeconds;
            // dedup restarts the kernel's peak at each task, so getrusage sees only the last task's;
            // the report has every stage's.
            long peak = Math.Max(usage.PeakRssBytes, report.PeakMemoryBytes.Values.DefaultIfEmpty(0).Max());
            return new PipelineRun(
                usage.WallSeconds, cpu, OtherCpu(usage, cpu), peak,
                report.Documents.Records, report.TextBytes.Read, report.Backend.Name,
                report.Files.IntermediatePerDocument(report.Documents.Signed), report.StageSeconds);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The kernel's tick accounting and getrusage's differ by a few hundredths of a second: no negative times.
    private static double OtherCpu(ChildUsage usage, double cpu) => Math.Max(0, usage.MachineBusySeconds - cpu);
}
