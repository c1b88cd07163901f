using System.CommandLine;
using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;

namespace Dedup.Cli.Commands;

/// <summary>
/// The options that fix what a run computes, shared by <c>run</c> and <c>plan</c> (and <c>slurm
/// submit</c>), so that a staged run is configured exactly like a one-process run.
/// </summary>
public sealed class ConfigurationOptions
{
    private readonly Argument<string[]> inputs = new("INPUT")
    {
        Description = "Shard folders (searched recursively) or files: *.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet.",
        Arity = ArgumentArity.OneOrMore,
    };

    // Each option is read as given (null when left out); RunArguments.Decide applies the defaults
    // (RunDefaults, printed here) and DedupOptions.Check checks the values.
    private readonly Option<string?> textField = new("--text-field") { Description = $"Field holding the text; several, comma-separated, are joined with newlines (e.g. instruction,input,output). Default: {RunDefaults.TextField}." };
    private readonly Option<string?> idField = new("--id-field") { Description = $"Field naming each document; when a record lacks it, '<relative path>:<row>' is used. Default: {RunDefaults.IdField}." };
    private readonly Option<int?> ngram = new("--ngram") { Description = $"Tokens per shingle: words, or single Han/Kana characters. Default: {RunDefaults.ShingleSize}." };
    private readonly Option<int?> permutations = new("--num-perm") { Description = $"MinHash permutations (signature length). Default: {RunDefaults.Permutations}." };
    private readonly Option<double?> threshold = new("--threshold") { Description = $"Jaccard similarity at or above which two documents are duplicates. Default: {RunDefaults.Threshold}." };
    private readonly Option<int?> bands = new("--bands") { Description = "LSH bands; with --rows, overrides the choice made from --threshold (the fewest bands of the most rows that make a pair at the threshold a candidate with probability 0.995: 18 x 6 at 0.8)." };
    private readonly Option<int?> rows = new("--rows") { Description = "Signature values per band; goes with --bands." };
    private readonly Option<ulong?> seed = new("--seed") { Description = $"Seed of the permutation family; runs compare only with the same seed. Default: {RunDefaults.Seed}." };
    private readonly Option<string?> verify = new("--verify") { Description = $"How candidate pairs are checked before they merge: exact (true Jaccard of the shingle sets >= --threshold; keeps shingles on disk), estimate (MinHash estimate of it), none (every candidate joins; the bands are then datasketch's choice for the threshold). The report counts the pairs each check rejects. Default: {RunDefaults.Verify.Name()}." };
    private readonly Option<bool> noVerify = new("--no-verify") { Description = "Same as --verify none." };
    private readonly Option<string?> sweep = new("--sweep") { Description = "Also report clusters, documents and bytes removed at these thresholds (comma-separated, e.g. 0.7,0.8,0.9), reusing this run's signatures and candidate pairs; the bands are chosen for the lowest threshold given, so that each row is what a run at it gives." };
    private readonly Option<string?> keep = new("--keep") { Description = $"Which document of a cluster to keep: first (in shard, row order), longest (most text), newest:FIELD (latest date or number in FIELD), max:FIELD (largest number in FIELD). Ties and missing values go to the first. Default: {RunDefaults.Keep}." };
    private readonly Option<bool> strict = new("--strict") { Description = "Fail at the first record that cannot be deduplicated (invalid JSON, missing or empty text) instead of keeping and counting it." };
    private readonly Option<string?> memory = new("--memory") { Description = $"Memory budget of every stage (e.g. 512M, 4G): sizes batches, sorted runs and merge buffers. The cluster stage needs 8 bytes per document on top. Default: {RunDefaults.Memory}." };
    private readonly Option<int?> compressionLevel = new("--compression-level") { Description = $"Compression level of .jsonl.gz outputs (1-{OutputCompression.GzipMax}, default {OutputCompression.GzipDefault}) and .jsonl.zst outputs (1-{OutputCompression.ZstdMax}, default {OutputCompression.ZstdDefault}). Parquet outputs keep their input's codec." };
    private readonly Option<int?> tasks = new("--tasks") { Description = $"Signature and filter tasks: contiguous shard ranges of about equal size. Default: {RunDefaults.Tasks}." };
    private readonly Option<int?> partitions = new("--partitions") { Description = "Buckets tasks, each a range of band keys (default: as many as --tasks)." };
    private readonly Option<string[]> against = new("--against") { Description = "Run folder of an earlier run (repeatable): documents that duplicate its documents are removed too, without signing its corpus again.", AllowMultipleArgumentsPerToken = false };

    /// <param name="inputsOptional">INPUT may be left out (slurm submit on a run already planned).</param>
    public ConfigurationOptions(bool inputsOptional = false)
    {
        verify.AcceptOnlyFromAmong([.. VerifyModes.Names]);
        if (inputsOptional)
        {
            inputs.Arity = ArgumentArity.ZeroOrMore;
        }
    }

    public bool HasInputs(ParseResult r) => r.GetValue(inputs) is { Length: > 0 };

    public void AddTo(Command command)
    {
        command.Add(inputs);
        foreach (var option in new Option[] { textField, idField, ngram, permutations, threshold, bands, rows, seed, verify, noVerify, sweep, keep, strict, memory, compressionLevel, tasks, partitions, against })
        {
            command.Add(option);
        }
    }

    /// <summary>The options as given, decided into a run's options; the output, run folder, device and threads are the caller's.</summary>
    public DedupOptions Read(ParseResult r, string output) => new RunArguments
    {
        Inputs = r.GetValue(inputs)!,
        TextField = r.GetValue(textField),
        IdField = r.GetValue(idField),
        ShingleSize = r.GetValue(ngram),
        Permutations = r.GetValue(permutations),
        Threshold = r.GetValue(threshold),
        Bands = r.GetValue(bands),
        Rows = r.GetValue(rows),
        Seed = r.GetValue(seed),
        Verify = r.GetValue(verify),
        NoVerify = r.GetValue(noVerify),
        Sweep = r.GetValue(sweep),
        Keep = r.GetValue(keep),
        Strict = r.GetValue(strict),
        Memory = r.GetValue(memory),
        CompressionLevel = r.GetValue(compressionLevel),
        Tasks = r.GetValue(tasks),
        Partitions = r.GetValue(partitions),
        Against = r.GetValue(against) ?? [],
    }.Decide(output);
}
