using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

public sealed class LineReaderTests
{
    [Fact]
    public void LinesSurviveArbitraryReadSizesGrowthAndShrinking()
    {
        var random = new Random(42);
        // Around the 256 KiB initial buffer, far above it (growth), then small again (shrinking).
        int[] lengths = [0, 5, 262_143, 262_144, 262_145, 3, 2_000_000, 0, 17, 600_000, 1, 9];
        var lines = lengths.Select(n => Enumerable.Range(0, n).Select(_ => (byte)random.Next('a', 'z' + 1)).ToArray()).ToList();
        var content = lines.SelectMany((l, i) => i < lines.Count - 1 ? [.. l, (byte)'\n'] : l).ToArray();

        var reader = new LineReader(new ChunkedStream(content, random));
        for (int i = 0; i < lines.Count; i++)
        {
            Assert.True(reader.ReadLine());
            Assert.True(reader.Line.SequenceEqual(lines[i]), $"line {i}");
            Assert.Equal(i < lines.Count - 1, reader.HadNewline);
        }

        Assert.False(reader.ReadLine());
    }

    [Fact]
    public void LinesLongerThanTheLimitComeAsAPieceAndTheirRestIsCopiedOrSkippedNotHeld()
    {
        var random = new Random(7);
        const int limit = 300_000;
        int[] lengths = [10, limit, limit + 1, 3_000_000, 4, 1_000_000];
        var lines = lengths.Select(n => Enumerable.Range(0, n).Select(_ => (byte)random.Next('a', 'z' + 1)).ToArray()).ToList();
        var content = lines.SelectMany((l, i) => i < lines.Count - 1 ? [.. l, (byte)'\n'] : l).ToArray();

        // Copied: every line comes back whole, partial ones as their piece plus the rest.
        var reader = new LineReader(new ChunkedStream(content, random), limit);
        for (int i = 0; i < lines.Count; i++)
        {
            Assert.True(reader.ReadLine());
            Assert.Equal(lines[i].Length > limit, reader.IsPartial);
            Assert.Equal(Math.Min(lines[i].Length, limit), reader.Line.Length);
            var whole = new MemoryStream();
            whole.Write(reader.Line);
            reader.CopyRest(whole);
            Assert.True(whole.ToArray().AsSpan().SequenceEqual(lines[i]), $"line {i}");
            Assert.Equal(i < lines.Count - 1, reader.HadNewline);
            Assert.True(reader.Buffer.Length <= 2 * (limit + 70_000), $"line {i}: the buffer grew to {reader.Buffer.Length} bytes");
        }

        Assert.False(reader.ReadLine());

        // Skipped: the next ReadLine passes over the rest of a partial line.
        var skipping = new LineReader(new ChunkedStream(content, random), limit);
        var firstBytes = new List<byte>();
        while (skipping.ReadLine())
        {
            firstBytes.Add(skipping.Line.Length > 0 ? skipping.Line[0] : (byte)0);
        }

        Assert.Equal(lines.Select(l => l.Length > 0 ? l[0] : (byte)0), firstBytes);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    [InlineData("a\n\n", new[] { "a", "" })]
    [InlineData("a\r\nb", new[] { "a\r", "b" })]
    public void LineCountFollowsNewlines(string content, string[] expected)
    {
        var reader = new LineReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
        var lines = new List<string>();
        while (reader.ReadLine())
        {
            lines.Add(System.Text.Encoding.UTF8.GetString(reader.Line));
        }

        Assert.Equal(expected, lines);
    }

    /// <summary>Returns random short reads, as decompression streams do.</summary>
    private sealed class ChunkedStream(byte[] data, Random random) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, random.Next(1, 70_000)));
    }
}
