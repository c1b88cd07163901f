using System.Diagnostics;
using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- signatures [--corpus DIR] [--mb N] [--runs N] [--json FILE]</c>:
/// the signature stage alone (text already in memory) per backend, median of several runs after a
/// warm-up, each backend's ratio to the scalar reference measured in the same run.
/// </summary>
public static class BenchProgram
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] != "signatures")
        {
            Console.Error.WriteLine("usage: bench signatures [--corpus DIR] [--mb N] [--runs N] [--json FILE]");
            return 1;
        }

        string corpus = Option(args, "--corpus") ?? Path.Combine("..", "shared", "data", "devmix", "shards");
        int megabytes = int.Parse(Option(args, "--mb") ?? "8");
        int runs = int.Parse(Option(args, "--runs") ?? "5");
        string? json = Option(args, "--json");

        var documents = LoadText(corpus, megabytes << 20);
        var batch = DocumentBatch.From(documents);
        var parameters = new SignatureParameters(5, 128, 9, 13, 42);
        Console.WriteLine($"corpus {corpus}: {documents.Count:N0} documents, {batch.Length / 1e6:N1} MB of text; 5-gram shingles, 128 permutations; {runs} runs after a warm-up");

        var results = new List<BenchResult>
        {
            Measure("reference (scalar, 1 thread)", batch, runs, () => Reference(documents, parameters)),
        };
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
        {
            using var cpu = new CpuBackend(parameters, threads);
            var output = new SignatureBatch(parameters);
            results.Add(Measure(cpu.Name, batch, runs, () => cpu.Compute(batch, output)));
        }

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

        Print(results);
        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
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

    private static BenchResult Measure(string name, DocumentBatch batch, int runs, Action action)
    {
        action();
        var seconds = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        double median = seconds[seconds.Count / 2];
        return new BenchResult(name, batch.Count, batch.Length, median, batch.Length / 1e6 / median, batch.Count / median);
    }

    private static void Print(List<BenchResult> results)
    {
        double reference = results[0].MegabytesPerSecond;
        Console.WriteLine($"{"backend",-44} {"docs",8} {"MB",7} {"median s",9} {"MB/s",9} {"docs/s",10} {"x ref",7}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Backend,-44} {r.Documents,8:N0} {r.Bytes / 1e6,7:N1} {r.MedianSeconds,9:F3} {r.MegabytesPerSecond,9:N1} {r.DocumentsPerSecond,10:N0} {r.MegabytesPerSecond / reference,7:F1}");
        }
    }

    private static List<byte[]> LoadText(string corpus, long maxBytes)
    {
        var documents = new List<byte[]>();
        long total = 0;
        var options = new ReaderOptions(["text"], "id");
        foreach (var shard in ShardDiscovery.Discover([corpus]))
        {
            using var reader = ShardReaders.Open(shard, options);
            while (reader.Read() && total < maxBytes)
            {
                if (reader.Status is RecordStatus.Ok or RecordStatus.Repaired)
                {
                    documents.Add(reader.Text.ToArray());
                    total += reader.Text.Length;
                }
            }
        }

        return documents;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

public sealed record BenchResult(string Backend, int Documents, long Bytes, double MedianSeconds, double MegabytesPerSecond, double DocumentsPerSecond);
