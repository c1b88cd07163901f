using System.Text;

namespace Dedup.Kernels.Text;

/// <summary>
/// Traditional -> simplified Chinese, one code point to one: OpenCC's character table as
/// OpenCC/make_traditional_to_simplified.py makes it (docs/ALGORITHM.md, "Folding", rule 6). The
/// fold table applies it to every ideograph, so a traditional copy of a simplified text has the
/// same characters wherever the two scripts differ only character by character.
/// </summary>
internal static class TraditionalChinese
{
    internal const string ResourceName = "Dedup.Kernels.Text.OpenCC.TraditionalToSimplified.txt";

    /// <summary>Traditional code point -> simplified code point, read from the embedded map.</summary>
    public static IReadOnlyDictionary<int, int> Pairs { get; } = Read();

    /// <summary>The simplified form of <paramref name="codePoint"/>, or the code point itself.</summary>
    public static int Simplify(int codePoint) => Pairs.TryGetValue(codePoint, out int simplified) ? simplified : codePoint;

    private static Dictionary<int, int> Read()
    {
        using var stream = typeof(TraditionalChinese).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(TraditionalChinese).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var pairs = new Dictionary<int, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 2 || !IsOneCodePoint(fields[0], out int traditional) || !IsOneCodePoint(fields[1], out int simplified))
            {
                throw new InvalidDataException($"{ResourceName}: '{line}' is not 'traditional<TAB>simplified'");
            }

            pairs.Add(traditional, simplified);
        }

        return pairs;
    }

    private static bool IsOneCodePoint(string text, out int codePoint)
    {
        bool one = Rune.DecodeFromUtf16(text, out var rune, out int length) == System.Buffers.OperationStatus.Done && length == text.Length;
        codePoint = rune.Value;
        return one;
    }
}
