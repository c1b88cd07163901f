using System.Diagnostics;
using System.Runtime.InteropServices;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Bench.GpuCheck;

/// <summary>
/// <c>bench gpu-check</c> (run by bench/gpu-check.sh on a machine without .NET): lists the
/// devices, checks every ILGPU device bit for bit against the reference and the CPU backend on
/// random documents, times the signature kernels on a generated corpus, and prints a summary
/// table last. Exit codes as dedup's: 0 all exact, 1 usage, 2 a mismatch or a failed device.
/// </summary>
public static class GpuCheckCommand
{
    /// <summary>The ILGPU CPU accelerator runs the kernels 40-100x slower than the CPU backend: it gets a tenth of the check and 1 MB of corpus.</summary>
    private const int CpuAcceleratorShare = 10;
    private const long CpuAcceleratorCorpusBytes = 1 << 20;
    private const int CorpusSeed = 20261201;

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
        output.WriteLine($"== exactness: {options.Documents} random documents of each kind and {ExactnessCheck.LongDocuments} long ones, {ExactnessCheck.ParameterSetCount} parameter sets, vs the reference and the CPU backend ==");
        var check = ExactnessCheck.Prepare(options.Documents, output, out var cpuCheck);
        output.WriteLine($"  {cpuCheck.Backend,-30} {Describe(cpuCheck)} ({check.DocumentCount:N0} documents, {check.Bytes / 1e6:N1} MB)");
        var checks = new List<CheckOutcome>();
        foreach (var target in targets)
        {
            var outcome = target.IsSlow
                ? check.Run(target.Label, p => target.OpenBackend(p, options.Tuning), Math.Max(1, options.Documents / CpuAcceleratorShare), longDocuments: 1, output)
                : check.Run(target.Label, p => target.OpenBackend(p, options.Tuning), options.Documents, ExactnessCheck.LongDocuments, output);
            output.WriteLine($"  {target.Label,-30} {Describe(outcome)}");
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

    private static string Describe(CheckOutcome outcome) =>
        outcome.Error is not null ? $"ERROR {outcome.Error}"
        : outcome.Passed ? $"bit-exact on {outcome.Documents:N0} document results"
        : $"{outcome.MismatchesVsReference:N0} documents differ from the reference, {outcome.MismatchesVsCpu:N0} from the CPU backend";
}
