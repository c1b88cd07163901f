using System.IO.Compression;
using System.Text;
using Dedup.Engine.Evaluation;
using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.Evaluation;

/// <summary>dedup eval's library on a run whose every number is known.</summary>
public sealed class EvalRunTests : IDisposable
{
    private readonly TinyRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public void FamiliesScoreTheMissedAndTheFalselyMergedPair()
    {
        // Predicted ab, cd, eg; truth ab, cd, ef: two pairs of three right either way, and so are the removals b, d, g.
        var r = EvalRun.Execute(new EvalOptions { RunFolder = run.Output, TruthFile = run.FamiliesFile() });
        Assert.Equal((3L, 3L, 2L), (r.Pairs.Predicted, r.Pairs.Truth, r.Pairs.Both));
        Assert.Equal((3L, 3L, 2L), (r.Documents!.Removed, r.Documents.ToRemove, r.Documents.Correct));
        Assert.Equal(7, r.Truth.Documents);
        Assert.Equal(["0.00 1/0", "1.00 2/2"], Buckets(r));
    }

    [Fact]
    public void GzippedPairsCloseTransitivelyAndIdsOutsideTheRunAreLeftOut()
    {
        var pairs = "{\"a\":\"a\",\"b\":\"b\"}\n{\"a\":\"d\",\"b\":\"c\"}\n{\"a\":\"e\",\"b\":\"g\"}\n{\"a\":\"g\",\"b\":\"nowhere\"}\n{\"a\":\"b\",\"b\":\"a\"}\n";
        string path = run.Temp.Write("pairs.jsonl.gz", Gzip(pairs));
        var r = EvalRun.Execute(new EvalOptions { RunFolder = run.Output, TruthFile = path, Kind = TruthKind.Pairs });
        Assert.Equal((3L, 3L, 3L), (r.Pairs.Predicted, r.Pairs.Truth, r.Pairs.Both));
        Assert.Equal(1, r.Truth.IgnoredIds);
        Assert.Equal(["1.00 3/3"], Buckets(r));
    }

    [Fact]
    public void ExactJaccardTruthAgreesWithTheRunAndASampleLeavesDocumentsUnscored()
    {
        var full = EvalRun.Execute(new EvalOptions { RunFolder = run.Output, Kind = TruthKind.ExactJaccard });
        Assert.Equal((1.0, 1.0), (full.Pairs.Precision, full.Pairs.Recall));
        Assert.Equal(1.0, full.Documents!.Recall);

        var sample = EvalRun.Execute(new EvalOptions { RunFolder = run.Output, Kind = TruthKind.ExactJaccard, Sample = 4 });
        Assert.Equal(4, sample.Truth.Documents);
        Assert.Null(sample.Documents);
        Assert.Equal(1.0, sample.Pairs.Precision);
    }

    [Fact]
    public void ChangedInputsStopEval()
    {
        File.AppendAllText(run.Temp.PathOf("in/part-1.jsonl"), TinyRun.Lines(("h", "a late addition")));
        var e = Assert.Throws<InputException>(() => EvalRun.Execute(new EvalOptions { RunFolder = run.Output, Kind = TruthKind.ExactJaccard }));
        Assert.Contains("part-1.jsonl", e.Message);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"family\": \"a\"}\n{\"id\": \"b\"\n", "line 2")]
    [InlineData("{\"id\": \"a\", \"family\": \"a\"}\n\n{\"id\": \"a\", \"family\": \"b\"}\n", "line 3: id 'a' is listed twice")]
    [InlineData("{\"id\": \"a\", \"family\": [1]}\n", "line 1: field 'family'")]
    public void BadTruthLinesAreNamedByLine(string content, string expected)
    {
        string path = run.Temp.Write("bad.jsonl", content);
        var e = Assert.Throws<InputException>(() => EvalRun.Execute(new EvalOptions { RunFolder = run.Output, TruthFile = path }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TruthFileAndExactJaccardExcludeEachOther()
    {
        Assert.Throws<UsageException>(() => EvalRun.Execute(new EvalOptions { RunFolder = run.Output, TruthFile = "x", Kind = TruthKind.ExactJaccard }));
        Assert.Throws<UsageException>(() => EvalRun.Execute(new EvalOptions { RunFolder = run.Output }));
        Assert.Throws<UsageException>(() => EvalRun.Execute(new EvalOptions { RunFolder = run.Output, TruthFile = "x", Sample = 10 }));
    }

    private static IEnumerable<string> Buckets(EvalReport r) =>
        r.Buckets.Select(b => FormattableString.Invariant($"{b.Low:F2} {b.Pairs}/{b.Found}"));

    private static byte[] Gzip(string text)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return packed.ToArray();
    }
}
