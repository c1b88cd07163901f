using System.Text;
using Dedup.Engine.IO;
using Dedup.Reliability;

namespace Dedup.Engine.Tests.Reliability;

/// <summary>The fuzz properties' checks catch what they are there to catch: a fuzz test that cannot fail would prove nothing.</summary>
public sealed class PropertyCheckTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AShardThatReadsAsItsGeneratorSaysPassesAndOneThatDoesNotFails()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\":\"a b\",\"id\":\"x\"}\r\n\n{\"text\":17}");
        ExpectedRow[] truth = [new(RecordStatus.Ok, "x", "a b"u8.ToArray()), new(RecordStatus.BlankLine), new(RecordStatus.TextNotString)];
        ExpectedRow[] wrongStatus = [truth[0], new(RecordStatus.Ok), truth[2]];
        ExpectedRow[] wrongId = [truth[0] with { Id = "y" }, truth[1], truth[2]];
        ExpectedRow[] oneRowShort = truth[..2];

        Assert.Equal("read to the end", ReaderProperty.Check(new ShardSample(".jsonl", bytes, truth, "hand-made"), folder.PathOf("ok")));
        foreach (var (wrong, i) in new[] { wrongStatus, wrongId, oneRowShort }.Select((w, i) => (w, i)))
        {
            Assert.Throws<PropertyViolation>(() => ReaderProperty.Check(new ShardSample(".jsonl", bytes, wrong, "hand-made"), folder.PathOf($"wrong-{i}")));
        }
    }

    [Theory]
    [InlineData("dedup: error: boom\n   at Dedup.Engine.DedupRun.Execute()\n")]
    [InlineData("Unhandled exception. System.NullReferenceException: oops\n")]
    [InlineData("dedup: warning: row 3: invalid JSON near 't\u001b[2J'\n")]
    public void PrintedTextWithAStackTraceOrAControlCharacterFails(string printed) =>
        Assert.Throws<PropertyViolation>(() => CliProperty.CheckPrinted(printed, "stderr"));

    [Fact]
    public void PrintedLinesArePassedUpToTheirBoundAndFailedBeyondIt()
    {
        CliProperty.CheckPrinted("dedup: warning: /in/s0.jsonl row 1: blank line\tkept\n" + new string('x', CliProperty.MaxLineChars) + "\n", "stderr");

        Assert.Throws<PropertyViolation>(() => CliProperty.CheckPrinted(new string('x', CliProperty.MaxLineChars + 1), "stderr"));
    }

    [Fact]
    public void AnInputWithOneByteChangedIsNoticed()
    {
        string file = folder.Write("in/a.jsonl", "{\"text\":\"a\"}\n");
        var before = InputFiles.Hashes(folder.PathOf("in"));
        InputFiles.Unchanged(folder.PathOf("in"), before, "nothing");

        File.WriteAllText(file, "{\"text\":\"b\"}\n");

        Assert.Throws<PropertyViolation>(() => InputFiles.Unchanged(folder.PathOf("in"), before, "the test"));
    }
}
