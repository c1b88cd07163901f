using System.Diagnostics;

namespace Dedup.Bench;

/// <summary>
/// <c>generate --out DIR (--mb N | --documents N) [--profile long|short] [--shards K] [--gzip] [--seed S] [--source DIR]</c>:
/// a corpus of at least N MiB of text (or exactly N documents) in K JSONL shards, made from the real documents
/// of the source corpus (devmix): mostly distinct, ~5% near-duplicates and ~2% exact copies of earlier
/// documents. <c>long</c> documents are whole (edited) source documents; <c>short</c> ones are QA-like
/// texts of 50-300 characters (<see cref="ShortDocumentProfile"/>). The same seed gives the same files.
/// </summary>
public static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--out", "--mb", "--documents", "--profile", "--shards", "--seed", "--source"], ["--gzip"]);
        string folder = options.Required("--out");
        int megabytes = options.Int("--mb", 0, 1);
        long documentTarget = options.Int("--documents", 0, 1);
        if ((megabytes == 0) == (documentTarget == 0))
        {
            throw new BenchUsageException("give either --mb (the megabytes of text to generate) or --documents (how many documents).");
        }

        string profile = options.Value("--profile", "long");
        if (profile is not ("long" or "short"))
        {
            throw new BenchUsageException($"--profile {profile}: give long (whole documents, ~1 KB) or short (QA-like, 50-300 characters).");
        }

        int shards = options.Int("--shards", 4, 1);
        int seed = options.Int("--seed", 1, 0);
        bool gzip = options.Flag("--gzip");
        string source = options.Value("--source", SourceRecords.DefaultCorpus);
        PrepareFolder(folder);

        var clock = Stopwatch.StartNew();
        var pool = SourcePool.Load(source);
        var random = new Random(seed);
        IDocumentProfile documentProfile = profile == "short" ? new ShortDocumentProfile(pool, random) : new LongDocumentProfile(pool, random);
        var mix = new DocumentMix(documentProfile, random);
        var counts = new Dictionary<DocumentKind, (long Documents, long Bytes)>();
        long target = (long)megabytes << 20;
        long written = 0;
        using (var writer = new CorpusWriter(folder, shards, gzip, target))
        {
            while (documentTarget > 0 ? written < documentTarget : writer.TextBytes < target)
            {
                long before = writer.TextBytes;
                var document = mix.Next($"g{written:D9}");
                if (documentTarget > 0)
                {
                    writer.Write(document, written, documentTarget);
                }
                else
                {
                    writer.Write(document);
                }

                written++;
                var (documents, bytes) = counts.GetValueOrDefault(document.Kind);
                counts[document.Kind] = (documents + 1, bytes + writer.TextBytes - before);
            }
        }

        long fileBytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"wrote {folder}: {shards} shards (.jsonl{(gzip ? ".gz" : "")}), {written:N0} {profile} documents, {fileBytes / 1e6:N1} MB of files; from {pool.Documents.Count:N0} documents of {source}, seed {seed}, in {clock.Elapsed.TotalSeconds:F1} s");
        var table = new TextTable("kind", "documents", "share", "MB of text");
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var (documents, bytes) = counts.GetValueOrDefault(kind);
            table.Add(kind.ToString(), $"{documents:N0}", $"{100.0 * documents / written:F1}%", $"{bytes / 1e6:N1}");
        }

        table.Add("total", $"{written:N0}", "100.0%", $"{counts.Values.Sum(c => c.Bytes) / 1e6:N1}");
        table.Write(Console.Out);
        return 0;
    }

    /// <summary>A new or empty folder only: shards of an earlier corpus left beside the new ones would silently join it.</summary>
    private static void PrepareFolder(string folder)
    {
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            throw new BenchUsageException($"--out {folder}: not a new or empty folder. Name a new one, or empty it first.");
        }

        Directory.CreateDirectory(folder);
    }
}
