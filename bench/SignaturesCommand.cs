using System.Diagnostics;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Ilgpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Bench;

/// <summary>
/// <c>signatures [--corpus DIR] [--mb N] [--runs N] [--json FILE]</c>: the signature stage alone (text
/// already in memory) per backend, median of several runs after a warm-up, each backend's ratio to the
/// scalar reference measured in the same run, and how much CPU other processes took meanwhile (a busy
/// machine, not the backend, is then why a figure is low); then the CPU backend's phases on one core
/// (<see cref="SignaturePhases"/>).
/// </summary>
public static class SignaturesCommand
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--corpus", "--mb", "--runs", "--json"]);
        string corpus = options.Value("--corpus", SourceRecords.DefaultCorpus);
        int megabytes = options.Int("--mb", 8, 1);
        int runs = options.Int("--runs", 5, 1);
        string? json = options.Value("--json");

        var documents = LoadText(corpus, (long)megabytes << 20);
        var batch = DocumentBatch.From(documents);
        var parameters = new SignatureParameters(5, 128, 9, 13, 42);
        Console.WriteLine($"corpus {corpus}: {documents.Count:N0} documents, {batch.Length / 1e6:N1} MB of text; 5-gram shingles, 128 permutations; {runs} runs after a warm-up");

        var results = new List<SignatureResult>
        {
            Measure("reference (scalar, 1 thread)", batch, runs, () => Reference(documents, parameters)),
        };
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
        {
            using var cpu = new CpuBackend(parameters, threads);
            var output = new SignatureBatch(parameters);
            results.Add(Measure(cpu.Name, batch, runs, () => cpu.Compute(batch, output)));
        }

        var phases = SignaturePhases.Measure(batch, parameters, runs);

        // The ILGPU CPU accelerator is about 100x slower: it gets a 1/32 slice so the run stays short.
        var slice = DocumentBatch.From(documents.Take(Math.Max(1, documents.Count / 32)).ToList());
        using (var ilgpu = BackendFactory.CreateIlgpuCpu(parameters))
        {
            var output = new SignatureBatch(parameters);
            results.Add(Measure(ilgpu.Name + " [1/32 slice]", slice, runs, () => ilgpu.Compute(slice, output)));
        }

        var gpu = BackendFactory.Create(DeviceKind.Auto, parameters);
        using (gpu.Backend)
        {
            if (gpu.Backend is IlgpuBackend)
            {
                var output = new SignatureBatch(parameters);
                results.Add(Measure(gpu.Backend.Name, batch, runs, () => gpu.Backend.Compute(batch, output)));
            }
        }

        Table(results).Write(Console.Out);
        Console.WriteLine();
        PhaseTable(phases, batch.Length, results[1].MedianSeconds).Write(Console.Out);
        if (json is not null)
        {
            BenchJson.Write(json, new { Backends = results, CpuPhases = phases.Select(p => new { p.Phase, p.Seconds }) });
        }

        return 0;
    }

    private static void Reference(List<byte[]> documents, SignatureParameters parameters)
    {
        foreach (var d in documents)
        {
            ReferenceSignature.Compute(d, parameters);
        }
    }

    private static SignatureResult Measure(string name, DocumentBatch batch, int runs, Action action)
    {
        action();
        var seconds = new List<double>();
        using var self = Process.GetCurrentProcess();
        double busyBefore = MachineCpu.BusySeconds();
        var ownBefore = self.TotalProcessorTime;
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        self.Refresh();
        double others = MachineCpu.BusySeconds() - busyBefore - (self.TotalProcessorTime - ownBefore).TotalSeconds;
        double median = Statistics.Median(seconds);
        return new SignatureResult(name, batch.Count, batch.Length, median, batch.Length / 1e6 / median, batch.Count / median, Math.Max(0, others));
    }

    private static TextTable Table(List<SignatureResult> results)
    {
        double reference = results[0].MegabytesPerSecond;
        var table = new TextTable("backend", "docs", "MB", "median s", "MB/s", "docs/s", "x ref", "others' CPU s");
        foreach (var r in results)
        {
            table.Add(r.Backend, $"{r.Documents:N0}", $"{r.Bytes / 1e6:N1}", $"{r.MedianSeconds:F3}", $"{r.MegabytesPerSecond:N1}", $"{r.DocumentsPerSecond:N0}", $"{r.MegabytesPerSecond / reference:F1}", $"{r.OtherCpuSeconds:F2}");
        }

        return table;
    }

    /// <summary>The CPU backend's phases on one core, against its whole single-thread time (results' second row).</summary>
    private static TextTable PhaseTable(List<(string Phase, double Seconds)> phases, long bytes, double wholeSeconds)
    {
        var table = new TextTable("cpu phase (1 thread)", "median s", "MB/s", "share");
        foreach (var (phase, seconds) in phases.Append(("rest: content hash, band keys, bookkeeping", Math.Max(0, wholeSeconds - phases.Sum(p => p.Seconds)))))
        {
            table.Add(phase, $"{seconds:F3}", seconds > 0 ? $"{bytes / 1e6 / seconds:N0}" : "-", $"{seconds / wholeSeconds:P0}");
        }

        return table;
    }

    private static List<byte[]> LoadText(string corpus, long maxBytes)
    {
        var documents = new List<byte[]>();
        long total = 0;
        foreach (var record in SourceRecords.Read(corpus).TakeWhile(_ => total < maxBytes))
        {
            documents.Add(record.Text);
            total += record.Text.Length;
        }

        return documents;
    }
}
