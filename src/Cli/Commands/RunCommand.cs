using System.CommandLine;
using Dedup.Engine;
using Dedup.Engine.Clustering;
using Dedup.Engine.Lsh;
using Dedup.Engine.Progress;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Backends;

namespace Dedup.Cli.Commands;

/// <summary><c>dedup run INPUT... -o OUT</c>: the whole pipeline in one process.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Shard folders (searched recursively) or files: *.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for the deduplicated shards (same relative paths and formats), clusters.jsonl, removed/ and report.json. Must be empty or new, and outside the inputs.",
            Required = true,
        };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the contents of a non-empty output folder (only once the run has succeeded)." };
        var textField = new Option<string>("--text-field") { Description = "Field holding the text; several, comma-separated, are joined with newlines (e.g. instruction,input,output).", DefaultValueFactory = _ => "text" };
        var idField = new Option<string>("--id-field") { Description = "Field naming each document; when a record lacks it, '<relative path>:<row>' is used.", DefaultValueFactory = _ => "id" };
        var device = new Option<string>("--device") { Description = "Backend: auto (CUDA, else OpenCL, else CPU), cuda, opencl, cpu (vectorised), ilgpu-cpu (the GPU kernels on the CPU; slow, for testing).", DefaultValueFactory = _ => "auto" };
        device.AcceptOnlyFromAmong("auto", "cuda", "opencl", "cpu", "ilgpu-cpu");
        var threads = new Option<int>("--threads") { Description = "CPU threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var ngram = new Option<int>("--ngram") { Description = "Tokens per shingle: words, or single Han/Kana characters.", DefaultValueFactory = _ => 5 };
        var permutations = new Option<int>("--num-perm") { Description = "MinHash permutations (signature length).", DefaultValueFactory = _ => 128 };
        var threshold = new Option<double>("--threshold") { Description = "Jaccard similarity at or above which two documents are duplicates.", DefaultValueFactory = _ => 0.8 };
        var bands = new Option<int?>("--bands") { Description = "LSH bands; with --rows, overrides the choice made from --threshold." };
        var rows = new Option<int?>("--rows") { Description = "Signature values per band; goes with --bands." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the permutation family; runs compare only with the same seed.", DefaultValueFactory = _ => 42UL };
        var verify = new Option<string>("--verify") { Description = "How candidate pairs are checked before they merge: estimate (MinHash estimate of Jaccard >= --threshold), exact (true Jaccard of the shingle sets; slower, spills shingles to disk), none. The report counts the pairs each check rejects.", DefaultValueFactory = _ => "estimate" };
        verify.AcceptOnlyFromAmong("estimate", "exact", "none");
        var noVerify = new Option<bool>("--no-verify") { Description = "Same as --verify none." };
        var sweep = new Option<string?>("--sweep") { Description = "Also report clusters, documents and bytes removed at these thresholds (comma-separated, e.g. 0.7,0.8,0.9), reusing this run's signatures and candidate pairs." };
        var batchMb = new Option<int>("--batch-mb") { Description = "Megabytes of text per signature batch; bounds memory.", DefaultValueFactory = _ => 32 };
        var keep = new Option<string>("--keep") { Description = "Which document of a cluster to keep: first (in shard, row order), longest (most text), newest:FIELD (latest date or number in FIELD), max:FIELD (largest number in FIELD). Ties and missing values go to the first.", DefaultValueFactory = _ => "first" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no informational messages; warnings, errors and the final summary are still printed." };
        var strict = new Option<bool>("--strict") { Description = "Fail at the first record that cannot be deduplicated (invalid JSON, missing or empty text) instead of keeping and counting it." };

        var command = new Command("run", """
            Deduplicate a corpus: sign every document (MinHash over n-gram shingles), find candidate
            pairs by LSH banding, verify them, cluster, and write each shard without the duplicates.
            One document per cluster is kept (--keep). Outputs appear only when
            the run succeeds. Exit codes: 0 success, 1 usage error, 2 failure (bad input, I/O, device).
            """)
        {
            inputs, output, overwrite, textField, idField, device, threads, ngram, permutations, threshold,
            bands, rows, seed, verify, noVerify, sweep, batchMb, keep, strict, quiet,
        };

        command.SetAction((ParseResult r) => FailureHandler.Run(Console.Error, () =>
        {
            RunReport report;
            var options = new DedupOptions
            {
                Inputs = r.GetValue(inputs)!,
                Output = r.GetValue(output)!,
                Overwrite = r.GetValue(overwrite),
                TextFields = SplitFields(r.GetValue(textField)!),
                IdField = r.GetValue(idField)!,
                Device = ParseDevice(r.GetValue(device)!),
                Threads = r.GetValue(threads),
                ShingleSize = r.GetValue(ngram),
                Permutations = r.GetValue(permutations),
                Threshold = r.GetValue(threshold),
                Bands = r.GetValue(bands),
                Rows = r.GetValue(rows),
                Seed = r.GetValue(seed),
                Verify = VerifyModeOf(r.GetValue(verify)!, r.GetValue(noVerify)),
                Sweep = Thresholds(r.GetValue(sweep)),
                BatchBytes = BatchBytes(r.GetValue(batchMb)),
                Keep = KeepPolicy.Parse(r.GetValue(keep)!),
                Strict = r.GetValue(strict),
            };
            bool silent = r.GetValue(quiet);
            var progress = new RunProgress();
            using (var printer = silent ? null : new ProgressPrinter(progress, Console.Error, live: !Console.IsErrorRedirected))
            {
                report = DedupRun.Execute(options, new ConsoleLog(Console.Error, silent, printer), progress);
            }

            RunSummary.Print(Console.Out, report, options.Output);
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static DeviceKind ParseDevice(string value) => value switch
    {
        "cuda" => DeviceKind.Cuda,
        "opencl" => DeviceKind.OpenCL,
        "cpu" => DeviceKind.Cpu,
        "ilgpu-cpu" => DeviceKind.IlgpuCpu,
        _ => DeviceKind.Auto,
    };

    private static VerifyMode VerifyModeOf(string value, bool noVerify) => (value, noVerify) switch
    {
        (_, true) when value != "estimate" && value != "none" => throw new UsageException($"--no-verify contradicts --verify {value}; give one of them."),
        (_, true) or ("none", _) => VerifyMode.None,
        ("exact", _) => VerifyMode.Exact,
        _ => VerifyMode.Estimate,
    };

    private static double[] Thresholds(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var thresholds = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out thresholds[i]))
            {
                throw new UsageException($"--sweep {value}: '{parts[i]}' is not a number; give thresholds like 0.7,0.8,0.9.");
            }
        }

        return thresholds;
    }

    private static string[] SplitFields(string value)
    {
        var fields = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length > 0 ? fields : throw new UsageException("--text-field: name at least one field.");
    }

    private static int BatchBytes(int megabytes) =>
        megabytes is >= 1 and <= 1024 ? megabytes << 20 : throw new UsageException($"--batch-mb {megabytes}: give 1..1024.");
}
