using System.Diagnostics;
using System.Runtime.InteropServices;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// <c>bench gpu-check</c> (run by bench/gpu-check.sh on a machine without .NET): lists the
/// devices, checks the CPU backend and every ILGPU device bit for bit against the reference on
/// random documents (<see cref="EquivalenceCheck"/>, which the Kernels tests run too), times the signature kernels on a generated corpus, and prints a summary
/// table last. Exit codes as dedup's: 0 all exact, 1 usage, 2 a mismatch or a failed device.
/// </summary>
public static class GpuCheckCommand
{
    /// <summary>The ILGPU CPU accelerator runs the kernels 40-100x slower than the CPU backend: it gets a tenth of the check and 1 MB of corpus.</summary>
    private const int CpuAcceleratorShare = 10;
    private const long CpuAcceleratorCorpusBytes = 1 << 20;
    private const int CorpusSeed = 20261201;

    /// <summary>How many mismatches are printed per backend; the rest are only counted.</summary>
    private const int PrintedMismatches = 8;

    /// <summary>The benchmark's layout: dedup run's defaults (5-grams, 128 permutations, 9 x 13 at threshold 0.8).</summary>
    private static readonly SignatureParameters BenchmarkParameters = new(shingleSize: 5, permutations: 128, bands: 9, rows: 13, seed: 42);

    public static int Run(string[] args)
    {
        var options = GpuCheckOptions.Parse(args, out string error);
        if (options is null)
        {
            Console.Error.WriteLine($"gpu-check: {error}");
            Console.Error.WriteLine(GpuCheckOptions.Usage);
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var output = Console.Out;
        output.WriteLine($"gpu-check: .NET {Environment.Version}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores");
        output.WriteLine($"fold table fingerprint {FoldTable.Default.Fingerprint:x16} (signatures compare across machines only when it is the same)");

        output.WriteLine();
        output.WriteLine("== devices ==");
        foreach (var device in DeviceCatalog.List())
        {
            output.WriteLine($"{device.Device,-10} {device.Name,-40} {device.Details}");
        }

        var notes = new List<string>();
        var targets = IlgpuTarget.Discover(notes);
        notes.ForEach(note => output.WriteLine($"  {note}"));
        int gpus = targets.Count(t => t.IsGpu);

        output.WriteLine();
        output.WriteLine($"== exactness: {options.Documents} random documents of each kind and {EquivalenceCheck.StandardLongDocumentBytes.Count} long ones, {EquivalenceCheck.StandardParameterSets.Count} parameter sets, " +
            "each as one batch, behind other bytes and in batches of 1, 7 and 32 documents, vs the reference ==");
        var check = EquivalenceCheck.OnRandomDocuments(options.Documents, EquivalenceCheck.StandardLongDocumentBytes);
        check.ComputeReference();
        var cpuCheck = Check(check, "cpu", p => new CpuBackend(p), int.MaxValue, int.MaxValue, output);
        output.WriteLine($"  {cpuCheck.Backend,-30} {cpuCheck.Summary} ({check.Documents.Count:N0} documents, {check.Bytes / 1e6:N1} MB)");
        var checks = new List<EquivalenceReport>();
        foreach (var target in targets)
        {
            var outcome = target.IsSlow
                ? Check(check, target.Label, p => target.OpenBackend(p, options.Tuning), Math.Max(1, options.Documents / CpuAcceleratorShare), longDocuments: 1, output)
                : Check(check, target.Label, p => target.OpenBackend(p, options.Tuning), int.MaxValue, int.MaxValue, output);
            output.WriteLine($"  {target.Label,-30} {outcome.Summary}");
            checks.Add(outcome);
        }

        output.WriteLine();
        var corpus = BenchmarkCorpus.Generate(options.Megabytes * 1_000_000L, options.BatchMegabytes << 20, CorpusSeed);
        var p = BenchmarkParameters;
        var tuning = options.Tuning;
        output.WriteLine($"== benchmark: {corpus.Bytes / 1e6:N1} MB of generated text, {corpus.Documents:N0} documents in {corpus.Batches.Count} batches; n={p.ShingleSize} P={p.Permutations} {p.Bands}x{p.Rows}; ~{options.Seconds} s per backend; " +
            $"ILGPU: {tuning.ChunkBytes}-byte chunks, {tuning.SegmentTokens}-shingle segments, {tuning.PartBytes >> 20} MiB parts ==");
        using var cpu = new CpuBackend(p);
        var (cpuRuns, cpuSeconds, _, cpuOutputs) = ThroughputBenchmark.Measure(cpu, corpus, options.Seconds);
        var rows = new List<SummaryRow>
        {
            new(cpu.Name, cpuCheck with { Backend = cpu.Name }, new BenchmarkResult(cpu.Name, corpus.Documents, corpus.Bytes, cpuRuns, cpuSeconds, null, 0, null)),
        };
        output.WriteLine($"  {cpu.Name,-30} {cpuSeconds:F3} s");
        for (int t = 0; t < targets.Count; t++)
        {
            var result = Benchmark(targets[t], targets[t].IsSlow ? corpus.Slice(CpuAcceleratorCorpusBytes) : corpus, cpuOutputs, options, output);
            output.WriteLine($"  {targets[t].Label,-30} {(result.Error is null ? $"{result.MedianSeconds:F3} s, kernels {result.KernelSeconds:F3} s" : result.Error)}");
            rows.Add(new SummaryRow(targets[t].Label, checks[t], result));
        }

        bool passed = rows.All(r => r.Passed) && (gpus > 0 || !options.RequireGpu);
        output.WriteLine();
        output.WriteLine($"== summary: {(passed ? "PASS" : "FAIL")}, {gpus} GPU(s), {clock.Elapsed.TotalSeconds:F0} s ==");
        SummaryTable.Print(rows, output);
        if (gpus == 0 && options.RequireGpu)
        {
            output.WriteLine($"no CUDA or OpenCL GPU, and --require-gpu was given: {string.Join("; ", notes)}");
        }

        output.WriteLine(passed
            ? "PASS: every backend is bit-exact with the reference and the CPU backend"
            : "FAIL: see the mismatches and errors above");
        return passed ? 0 : 2;
    }

    private static BenchmarkResult Benchmark(IlgpuTarget target, BenchmarkCorpus corpus, List<SignatureBatch> cpuOutputs, GpuCheckOptions options, TextWriter output)
    {
        try
        {
            using var backend = target.OpenBackend(BenchmarkParameters, options.Tuning);
            var (runs, median, kernels, outputs) = ThroughputBenchmark.Measure(backend, corpus, options.Seconds);
            int mismatches = ThroughputBenchmark.CountMismatches(target.Label, cpuOutputs, outputs, output);
            return new BenchmarkResult(target.Label, corpus.Documents, corpus.Bytes, runs, median, kernels, mismatches, null);
        }
        catch (Exception e)
        {
            return BenchmarkResult.Failed(target.Label, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Runs the equivalence check on one backend and prints the first mismatches and the failure, if any.</summary>
    private static EquivalenceReport Check(EquivalenceCheck check, string label, Func<SignatureParameters, ISignatureBackend> open, int perKind, int longDocuments, TextWriter output)
    {
        var report = check.Run(label, open, perKind, longDocuments);
        foreach (string line in report.MismatchLines(PrintedMismatches))
        {
            output.WriteLine($"  MISMATCH {label}: {line}");
        }

        if (report.Error is not null)
        {
            output.WriteLine($"  {label}: {report.Error}");
        }

        return report;
    }
}
