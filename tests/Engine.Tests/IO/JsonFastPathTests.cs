using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>
/// The fast path of the JSONL parser gives exactly what Utf8JsonReader alone gives: status, text,
/// id, key and message, on random records and on thousands of random corruptions of them.
/// </summary>
public sealed class JsonFastPathTests
{
    private static readonly ReaderOptions Options = new(["text"], "id", "ts");

    [Fact]
    public void AgreesWithTheReaderOnRandomAndCorruptedLines()
    {
        var random = new Random(2026);
        var fast = new JsonLineParser(Options, fastPath: true);
        var slow = new JsonLineParser(Options, fastPath: false);
        int compared = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] line = RandomRecord(random);
            Compare(fast, slow, line);
            for (int m = 0; m < 4; m++)
            {
                Compare(fast, slow, Corrupt(line, random));
                compared++;
            }
        }

        Assert.Equal(12000, compared);
    }

    [Theory]
    [InlineData("{\"id\":1,\"text\":\"a\\nb \\\"q\\\" \\u00e9 \\ud83d\\ude00\"}")]
    [InlineData("{\"id\":\"x\",\"text\":\"lone \\ud800 half\"}")]
    [InlineData("{\"text\":\"a\",\"meta\":{\"k\":[1,2,{\"z\":null}]}}")]
    [InlineData("{\"t\\u0065xt\":\"escaped name\"}")]
    [InlineData("{\"text\":\"tab\there\"}")]
    [InlineData("{\"text\":\"x\",}")]
    [InlineData("{\"text\":\"x\"} trailing")]
    [InlineData("{\"text\":\"x\",\"n\":01}")]
    [InlineData("{\"text\":\"x\",\"n\":-0.5e+10,\"b\":true,\"c\":false,\"d\":null}")]
    [InlineData("  { \"text\" : \"spaced\" , \"id\" : 7 }  ")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    public void AgreesOnEdgeCases(string line)
    {
        Compare(new JsonLineParser(Options, fastPath: true), new JsonLineParser(Options, fastPath: false), Encoding.UTF8.GetBytes(line));
    }

    private static void Compare(JsonLineParser fast, JsonLineParser slow, byte[] line)
    {
        fast.Parse(line, 0, line.Length);
        slow.Parse(line, 0, line.Length);
        string shown = Encoding.UTF8.GetString(line);
        Assert.True(slow.Status == fast.Status, $"{shown}: {slow.Status} vs {fast.Status}");
        Assert.True(slow.Text.SequenceEqual(fast.Text), shown);
        Assert.Equal(slow.Problem, fast.Problem);
        Assert.Equal(slow.GetId("none"), fast.GetId("none"));
        Assert.Equal(slow.GetKey(), fast.GetKey());
    }

    private static byte[] RandomRecord(Random random)
    {
        var fields = new List<string>();
        string[] names = ["id", "text", "ts", "meta", "url"];
        foreach (string name in names.OrderBy(_ => random.Next()).Take(random.Next(1, 6)))
        {
            string value = random.Next(7) switch
            {
                0 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => (random.NextDouble() * 1e6).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                2 => random.Next(2) == 0 ? "true" : "null",
                3 => "{\"nested\":[1,\"x\"]}",
                _ => JsonSerializer.Serialize(RandomText(random), new JsonSerializerOptions { Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            };
            fields.Add($"\"{name}\":{value}");
        }

        return Encoding.UTF8.GetBytes("{" + string.Join(random.Next(2) == 0 ? "," : " , ", fields) + "}");
    }

    private static string RandomText(Random random)
    {
        string[] pieces = ["word", " ", "\n", "\t", "\"", "\\", "/", "é", "中文", "😀", "\u0001", "\u2028", "<tag>", "'"];
        var text = new StringBuilder();
        for (int i = random.Next(0, 30); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static byte[] Corrupt(byte[] line, Random random)
    {
        byte[] alphabet = "{}[]\":,\\ u0e1-+.tfnx"u8.ToArray();
        var bytes = new List<byte>(line);
        int at = random.Next(bytes.Count);
        switch (random.Next(3))
        {
            case 0:
                bytes.RemoveAt(at);
                break;
            case 1:
                bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                break;
            default:
                bytes[at] = alphabet[random.Next(alphabet.Length)];
                break;
        }

        return bytes.ToArray();
    }
}
