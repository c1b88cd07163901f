using System.Text;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Cpu;
using Dedup.Kernels.Signatures;

namespace Dedup.Kernels.Tests.Cpu;

/// <summary>
/// The CPU backend's tokenizer (<see cref="CpuChunkTokenizer"/>) classifies 64-byte ASCII chunks
/// at once and hands words over to the scalar tokenizer at non-ASCII bytes: words across chunk
/// edges, over many chunks, and changing script mid-word must give the reference's results.
/// </summary>
public sealed class CpuChunkBoundaryTests
{
    private static readonly SignatureParameters Parameters = new(5, 128, 16, 8, 42);

    [Fact]
    public void WordsAcrossAsciiChunkEdgesMatchTheReference()
    {
        var documents = Documents().Select(Encoding.UTF8.GetBytes).ToList();
        var report = EquivalenceCheck.Of(documents, [Parameters]).Run("cpu, 1 thread", p => new CpuBackend(p, threads: 1));
        Assert.True(report.Passed, report.Describe());
    }

    private static List<string> Documents()
    {
        var documents = new List<string>
        {
            new string('a', 63) + " " + new string('b', 200),
            new string('x', 64) + new string('y', 64) + "!" + new string('z', 127),
            new string(' ', 64) + "word",
            string.Concat(Enumerable.Repeat("Ab1 ", 40)) + "café naïve" + string.Concat(Enumerable.Repeat("Ab1 ", 40)),
            new string('q', 62) + "é" + new string('r', 70),
            new string('q', 63) + "中文" + new string('r', 70),
            string.Concat(Enumerable.Repeat("e\u0301", 40)) + new string('s', 80),
            new string('-', 200),
        };
        var random = new Random(17);
        for (int i = 0; i < 20; i++)
        {
            var text = new StringBuilder();
            while (text.Length < 500)
            {
                text.Append(random.Next(8) switch
                {
                    0 => "Ü",
                    1 => "。",
                    2 => new string(' ', random.Next(1, 70)),
                    _ => new string((char)('a' + random.Next(26)), random.Next(1, 90)),
                });
            }

            documents.Add(text.ToString());
        }

        return documents;
    }
}
