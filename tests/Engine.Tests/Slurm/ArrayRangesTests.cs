using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

public class ArrayRangesTests
{
    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 0 }, "0")]
    [InlineData(new[] { 0, 1 }, "0-1")]
    [InlineData(new[] { 0, 1, 2, 3 }, "0-3")]
    [InlineData(new[] { 1, 3 }, "1,3")]
    [InlineData(new[] { 9, 3, 1, 2, 7, 5, 6, 3 }, "1-3,5-7,9")]
    [InlineData(new[] { 0, 2, 3, 4, 10, 11, 12, 13, 99 }, "0,2-4,10-13,99")]
    public void FormatCompressesRunsOfIndices(int[] indices, string expected) =>
        Assert.Equal(expected, ArrayRanges.Format(indices));

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, null, "0-3")]
    [InlineData(new[] { 0, 1, 2, 3 }, 2, "0-3%2")]
    [InlineData(new[] { 1, 3, 4 }, 1, "1,3-4%1")]
    [InlineData(new[] { 1, 3 }, 2, "1,3")]
    [InlineData(new[] { 2 }, 4, "2")]
    public void ForSbatchAddsTheLimitOnlyWhenItLimits(int[] indices, int? maxParallel, string expected) =>
        Assert.Equal(expected, ArrayRanges.ForSbatch(indices, maxParallel));

    [Fact]
    public void ForSbatchRefusesAnEmptyArray() =>
        Assert.Throws<ArgumentException>(() => ArrayRanges.ForSbatch([], null));

    [Fact]
    public void FormatRoundTripsRandomSets()
    {
        var random = new Random(4);
        for (int round = 0; round < 200; round++)
        {
            var set = Enumerable.Range(0, 40).Where(_ => random.Next(3) == 0).ToHashSet();
            var parsed = new HashSet<int>();
            foreach (string part in ArrayRanges.Format(set).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var ends = part.Split('-').Select(int.Parse).ToArray();
                Assert.True(ends.Length == 1 || ends[1] > ends[0], part);
                for (int i = ends[0]; i <= ends[^1]; i++)
                {
                    Assert.True(parsed.Add(i), $"{i} twice in {ArrayRanges.Format(set)}");
                }
            }

            Assert.Equal(set.Order(), parsed.Order());
        }
    }
}
