using System.IO.Compression;
using System.Text.Json;
using Dedup.Engine.Evaluation;
using Dedup.Engine.Reporting;
using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Stages;

/// <summary>--against: a second half deduplicated against the first half's run, versus one run over both.</summary>
public sealed class IncrementalRunTests
{
    [Fact]
    public void WithoutBridgesTheKeptDocumentsOfBothHalvesAreTheOneShotRunsKeptDocuments()
    {
        using var temp = new TempFolder();
        var random = new Random(5);
        var first = new List<string>();
        var second = new List<string>();
        for (int family = 0; family < 150; family++)
        {
            var words = Enumerable.Range(0, 300).Select(_ => $"w{random.Next(50_000)}").ToArray();
            int members = family % 3 == 0 ? 1 + random.Next(3) : 1;
            for (int m = 0; m < members; m++)
            {
                var variant = (string[])words.Clone();
                variant[random.Next(variant.Length)] = $"edit{family}x{m}";
                (random.Next(2) == 0 ? first : second).Add(Line($"f{family}m{m}", string.Join(' ', variant)));
            }
        }

        temp.Write("h1/a.jsonl", string.Concat(first));
        temp.Write("h2/b.jsonl", string.Concat(second));
        var (firstRun, secondRun, oneShot) = RunHalves(temp, temp.PathOf("h1"), temp.PathOf("h2"));

        Assert.True(secondRun.Report.Documents.Removed > 0);
        Assert.Equal(oneShot.Kept.Order(), firstRun.Kept.Concat(secondRun.Kept).Order());
    }

    [Fact]
    public void OnDevmixTheSecondHalfMatchesTheOneShotRunAndTheFirstHalfDiffersOnlyByBridges()
    {
        using var temp = new TempFolder();
        var shards = Directory.GetFiles(Path.Combine(TestPaths.Devmix, "shards")).Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < shards.Length; i++)
        {
            File.Copy(shards[i], temp.PathOf($"{(i < 2 ? "h1" : "h2")}/{Path.GetFileName(shards[i])}"));
        }

        var (firstRun, secondRun, oneShot) = RunHalves(temp, temp.PathOf("h1"), temp.PathOf("h2"));

        var secondIds = secondRun.All.ToHashSet();
        Assert.Equal(oneShot.Kept.Where(secondIds.Contains).Order(), secondRun.Kept.Order());
        var removedAgainstFirst = ClustersFile.Read(secondRun.Output).Where(c => !secondIds.Contains(c.Kept)).ToList();
        Assert.NotEmpty(removedAgainstFirst);

        // The first run is final: where the one-shot run removes one of its kept documents, a document of
        // the second half must have bridged two of the first run's clusters (one run over both sees the bridge).
        var keptByFirst = firstRun.Kept.ToHashSet();
        var oneShotKept = oneShot.Kept.ToHashSet();
        Assert.Subset(keptByFirst, oneShotKept.Where(keptByFirst.Contains).ToHashSet());
        var clusterOf = ClustersFile.Read(oneShot.Output).SelectMany(c => c.Members.Select(m => (m, c))).ToDictionary(t => t.m, t => t.c);
        foreach (string id in keptByFirst.Where(id => !oneShotKept.Contains(id)))
        {
            var members = clusterOf[id].Members;
            Assert.Contains(members, secondIds.Contains);
            Assert.True(members.Count(keptByFirst.Contains) >= 2, $"{id}: removed by the one-shot run without a bridge");
        }
    }

    [Fact]
    public void AnEarlierRunSignedDifferentlyIsRefused()
    {
        using var temp = new TempFolder();
        temp.Write("h1/a.jsonl", Line("a", "one two three four five six"));
        temp.Write("h2/b.jsonl", Line("b", "one two three four five six"));
        DedupRun.Execute(DevmixRunFixture.Options(temp.PathOf("h1"), temp.PathOf("o1")) with { RunDir = temp.PathOf("r1") }, new CollectingLog());

        var options = DevmixRunFixture.Options(temp.PathOf("h2"), temp.PathOf("o2")) with { Against = [temp.PathOf("r1")], ShingleSize = 3 };
        var e = Assert.Throws<UsageException>(() => DedupRun.Execute(options, new CollectingLog()));
        Assert.Contains("--against", e.Message);
        Assert.Contains("3-gram", e.Message, StringComparison.Ordinal);
    }

    private sealed record HalfRun(string Output, RunReport Report, List<string> Kept, List<string> All);

    private static (HalfRun First, HalfRun Second, HalfRun OneShot) RunHalves(TempFolder temp, string firstHalf, string secondHalf)
    {
        var log = new CollectingLog();
        var first = DedupRun.Execute(DevmixRunFixture.Options(firstHalf, temp.PathOf("o1")) with { RunDir = temp.PathOf("r1") }, log);
        var second = DedupRun.Execute(
            DevmixRunFixture.Options(secondHalf, temp.PathOf("o2")) with { Against = [temp.PathOf("r1")], Tasks = 2, Partitions = 3 }, log);
        var oneShot = DedupRun.Execute(DevmixRunFixture.Options(firstHalf, temp.PathOf("o")) with { Inputs = [firstHalf, secondHalf] }, log);
        return (Half(temp.PathOf("o1"), first, firstHalf), Half(temp.PathOf("o2"), second, secondHalf), Half(temp.PathOf("o"), oneShot, null));
    }

    private static HalfRun Half(string output, RunReport report, string? input) =>
        new(output, report, Ids(output), input is null ? [] : Ids(input));

    /// <summary>The ids of every record in a folder's shards (.jsonl and .jsonl.gz).</summary>
    private static List<string> Ids(string folder) => Directory.EnumerateFiles(folder, "*.jsonl*", SearchOption.TopDirectoryOnly)
        .Where(file => Path.GetFileName(file) != "clusters.jsonl")
        .SelectMany(file =>
        {
            using Stream raw = File.OpenRead(file);
            using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream);
            var ids = new List<string>();
            while (reader.ReadLine() is string line)
            {
                ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
            }

            return ids;
        })
        .ToList();

    private static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text }) + "\n";
}
