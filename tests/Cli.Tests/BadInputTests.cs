using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>Each kind of bad input: a clear message naming file (and row), the right exit code, no partial output.</summary>
public sealed class BadInputTests
{
    private const string Doc = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun";

    [Fact]
    public void MissingInputFailsNamingThePath()
    {
        using var temp = new TempFolder();
        var r = CliRunner.Run("run", temp.PathOf("nope"), "-o", temp.PathOf("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(temp.PathOf("nope"), r.Stderr);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void FolderWithoutShardsFails()
    {
        using var temp = new TempFolder();
        temp.Write("in/readme.txt", "not a shard");
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(temp.PathOf("in"), r.Stderr);
        Assert.DoesNotContain("out", temp.Entries());
    }

    [Fact]
    public void UnsupportedFileTypeFailsNamingTheFile()
    {
        using var temp = new TempFolder();
        string file = temp.Write("in/data.csv", "a,b\n");
        var r = CliRunner.Run("run", file, "-o", temp.PathOf("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(file, r.Stderr);
    }

    [Fact]
    public void TruncatedGzipFailsNamingTheFileAndLeavesNoOutput()
    {
        using var temp = new TempFolder();
        var gz = Gzip(string.Concat(Enumerable.Range(0, 2000).Select(i => Line($"d{i}", $"{Doc} number {i}"))));
        temp.Write("in/a.jsonl", Line("a1", Doc));
        string bad = temp.Write("in/b.jsonl.gz", gz[..(gz.Length / 2)]);
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(bad, r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void AGzipShardWithADamagedCrcIsNamedAsDamagedNotAsAnUnsupportedMethod()
    {
        using var temp = new TempFolder();
        var gz = Gzip(string.Concat(Enumerable.Range(0, 50).Select(i => Line($"d{i}", $"{Doc} number {i}"))));
        gz[^8] ^= 0x01;
        string bad = temp.Write("in/b.jsonl.gz", gz);

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{bad}: corrupt gzip data", r.Stderr);
        Assert.Contains("but its trailer records CRC-32", r.Stderr);
        Assert.DoesNotContain("unsupported compression method", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void JunkAfterTheLastGzipMemberStopsTheRunInsteadOfBeingIgnored()
    {
        using var temp = new TempFolder();
        var gz = Gzip(string.Concat(Enumerable.Range(0, 50).Select(i => Line($"d{i}", $"{Doc} number {i}"))));
        string bad = temp.Write("in/b.jsonl.gz", [.. gz, .. Encoding.UTF8.GetBytes(Line("appended", Doc))]);

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{bad}: corrupt gzip data", r.Stderr);
        Assert.Contains("after the end of the last gzip member", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void BadRecordsAreKeptCountedAndNamedWithTheirRow()
    {
        using var temp = new TempFolder();
        var lines = new StringBuilder()
            .Append(Line("a", Doc))
            .Append("{\"id\": \"broken\", \"text\": \n")
            .Append("{\"id\": \"no-text\"}\n")
            .Append("{\"id\": \"number\", \"text\": 17}\n")
            .Append(Line("empty", string.Empty))
            .Append(Line("b", Doc))
            .ToString();
        var bytes = Encoding.UTF8.GetBytes(lines).Concat(Encoding.UTF8.GetBytes("{\"id\": \"bad-utf8\", \"text\": \"caf")).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" au lait and more words here\"}\n")).ToArray();
        string shard = temp.Write("in/s.jsonl", bytes);

        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{shard} row 1", r.Stderr);
        Assert.Contains($"{shard} row 2", r.Stderr);

        using var report = JsonDocument.Parse(File.ReadAllText(temp.PathOf("out/report.json")));
        var documents = report.RootElement.GetProperty("documents");
        var skipped = documents.GetProperty("skipped");
        Assert.Equal(1, skipped.GetProperty("invalid_json").GetInt32());
        Assert.Equal(1, skipped.GetProperty("missing_text").GetInt32());
        Assert.Equal(1, skipped.GetProperty("text_not_string").GetInt32());
        Assert.Equal(1, skipped.GetProperty("empty_text").GetInt32());
        Assert.Equal(1, documents.GetProperty("repaired").GetInt32());
        Assert.Equal(1, documents.GetProperty("removed").GetInt32());

        // Every record but the removed duplicate "b" is still in the output, byte for byte.
        var outLines = File.ReadAllLines(temp.PathOf("out/s.jsonl"), Encoding.Latin1);
        var inLines = File.ReadAllLines(shard, Encoding.Latin1);
        Assert.Equal(inLines.Where(l => !l.Contains("\"b\"")).ToArray(), outLines);
    }

    [Fact]
    public void StrictStopsAtTheFirstBadRecord()
    {
        using var temp = new TempFolder();
        string shard = temp.Write("in/s.jsonl", Line("a", Doc) + "not json\n");
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--strict", "--device", "cpu");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{shard} row 1", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void FiftyMegabyteDocumentIsDeduplicated()
    {
        using var temp = new TempFolder();
        var words = new StringBuilder(52_000_000);
        var random = new Random(1);
        while (words.Length < 50_000_000)
        {
            words.Append("w").Append(random.Next(1_000_000)).Append(' ');
        }

        string big = words.ToString();
        temp.Write("in/big.jsonl", Line("big1", big) + Line("small", Doc) + Line("big2", big));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.True(r.ExitCode == 0, r.ToString());
        var kept = File.ReadAllLines(temp.PathOf("out/big.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["big1", "small"], kept);
    }

    [Fact]
    public void OutputInsideInputIsRefused()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", Line("a", Doc));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("in/out"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("inside the input", r.Stderr);
        Assert.False(Directory.Exists(temp.PathOf("in/out")));
    }

    [Fact]
    public void NonEmptyOutputIsRefusedUnlessOverwrite()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", Line("a", Doc) + Line("b", Doc));
        string old = temp.Write("out/old.txt", "keep me");
        var refused = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--overwrite", refused.Stderr);
        Assert.True(File.Exists(old));

        var replaced = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--overwrite", "--device", "cpu");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(temp.PathOf("out/report.json")));
        Assert.Equal(["in", "out"], temp.Entries());
    }

    [Fact]
    public void UnavailableDeviceFailsWithTheReason()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", Line("a", Doc));
        var r = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "opencl");
        if (r.ExitCode == 0)
        {
            return; // this machine has an OpenCL GPU: nothing to refuse.
        }

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--device opencl", r.Stderr);
        Assert.DoesNotContain("out", temp.Entries());
    }

    [Fact]
    public void WithoutUnicodeNormalizationTheRunStopsInsteadOfChangingSignatures()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", Line("a", Doc));
        var r = CliRunner.RunWith([("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")], "run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unicode normalization is unavailable", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void BadOptionValuesAreUsageErrors()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", Line("a", Doc));
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--threshold", "1.5").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--bands", "20").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--bands", "20", "--rows", "20").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--device", "tpu").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in")).ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--verify", "maybe").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--verify", "exact", "--no-verify").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--sweep", "0.7,high").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--sweep", "0.7,1.2").ExitCode);
        Assert.Equal(1, CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--keep", "oldest").ExitCode);
        Assert.Equal(["in"], temp.Entries());
    }

    internal static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text }) + "\n";

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
