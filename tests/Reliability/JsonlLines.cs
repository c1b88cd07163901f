using System.Globalization;
using System.Text;
using CsCheck;
using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>
/// Generators of single JSONL lines of every kind a user's file may hold: valid records (odd characters,
/// escapes, nested extra fields, huge and empty texts), and lines that are blank, truncated, not objects,
/// without a text, with a text that is not a string, with invalid UTF-8, with raw control characters, or
/// random bytes. Each line comes with what a reader must make of it, where that is known.
/// </summary>
public static class JsonlLines
{
    /// <summary>The id field as JSON and as the reader must give it; null for a record without one.</summary>
    private static readonly Gen<(string Json, string Id)?> Id = Gen.Frequency(
        (4, Gen.Int[0, 5000].Select(n => ((string Json, string Id)?)($"\"doc-{n}\"", $"doc-{n}"))),
        (2, Gen.Int[-100, 100_000].Select(n => ((string Json, string Id)?)(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))),
        (1, Gen.Const(default((string Json, string Id)?))));

    /// <summary>Other fields a record may carry, which the reader must skip whatever they hold.</summary>
    private static readonly Gen<string> ExtraField = Gen.OneOf(
        Gen.Const("\"meta\": {\"a\": [1, 2.5e-3, {\"b\": null}], \"c\": true}"),
        Gen.Const("\"score\":-1.5E3"),
        Gen.Const("\"tags\":[]"),
        Gen.Const("\"ids\":\"text\""),
        Gen.Int[1, 300].Select(depth => $"\"deep\":{new string('[', depth)}{new string(']', depth)}"));

    private static readonly Gen<GeneratedLine> ValidRecord = RecordOf(Texts.Any);

    private static readonly Gen<GeneratedLine> HugeRecord = RecordOf(Texts.Huge);

    /// <summary>A valid record cut short: never valid JSON.</summary>
    private static readonly Gen<GeneratedLine> Truncated = ValidRecord.SelectMany(line =>
        Gen.Int[1, line.Bytes.Length - 1].Select(cut => Line(line.Bytes[..cut], RecordStatus.InvalidJson)));

    private static readonly Gen<GeneratedLine> NotAnObject =
        Gen.OneOf("[1,2]", "\"just a string\"", "42", "null", "true", "[]", "}{").Select(json => Line(json, RecordStatus.InvalidJson));

    private static readonly Gen<GeneratedLine> WithoutText =
        Gen.OneOf("{\"id\":\"x\"}", "{}", "{\"Text\":\"the case differs\"}", " { \"body\" : \"elsewhere\" } ").Select(json => Line(json, RecordStatus.MissingText));

    private static readonly Gen<GeneratedLine> TextNotAString =
        Gen.OneOf("17", "null", "true", "{}", "[\"a\"]", "-0.5").Select(value => Line($"{{\"text\":{value},\"id\":\"n\"}}", RecordStatus.TextNotString));

    /// <summary>0xFF is never valid UTF-8, so each of these is repaired.</summary>
    private static readonly Gen<GeneratedLine> InvalidUtf8 = Gen.Select(Texts.Words, Gen.Byte[0x80, 0xFF].Array[0, 6], Gen.Int, (text, bytes, seed) =>
    {
        var quoted = Encoding.UTF8.GetBytes(JsonText.Quote(text, new Random(seed)));
        return Line([.. "{\"text\":"u8, .. quoted[..^1], 0xFF, .. bytes, .. " end\"}"u8], RecordStatus.Repaired);
    });

    private static readonly Gen<GeneratedLine> LoneSurrogate =
        Gen.OneOf("\\uD800", "\\udc00", "\\uDBFF x", "x \\uD83D").Select(escape => Line($"{{\"text\":\"before {escape} after\"}}", RecordStatus.Repaired));

    /// <summary>Control characters (an ESC sequence among them) unescaped inside a string: the JSON is invalid, and a message that quotes it must escape them.</summary>
    private static readonly Gen<GeneratedLine> RawControl =
        Gen.Char['\u0000', '\u001f'].Where(c => c != '\n').Array[1, 4].Select(c => Line($"{{\"text\":\"t\u001b[2J\u001b]0;PWNED\u0007{new string(c)}\"}}", null));

    private static readonly Gen<GeneratedLine> Blank = Gen.OneOf("", " ", "\t \t", "   ").Select(text => Line(text, RecordStatus.BlankLine));

    private static readonly Gen<GeneratedLine> RandomBytes =
        Gen.Byte.Where(b => b != (byte)'\n').Array[1, 200].Select(bytes => new GeneratedLine(bytes, new ExpectedRow(null)));

    /// <summary>Not JSON, and longer than any message may quote.</summary>
    private static readonly Gen<GeneratedLine> LongGarbage = Gen.Int[5_000, 300_000].Select(n => Line(new string('x', n), RecordStatus.InvalidJson));

    /// <summary>Any line, valid records the most frequent.</summary>
    public static readonly Gen<GeneratedLine> Any = Gen.Frequency(
        (40, ValidRecord), (1, HugeRecord), (3, Truncated), (2, NotAnObject), (2, WithoutText), (2, TextNotAString),
        (2, InvalidUtf8), (1, LoneSurrogate), (1, RawControl), (3, Blank), (2, RandomBytes), (1, LongGarbage));

    /// <summary>
    /// A record with the text and, in an order chosen by the seed, an id and extra fields; its text is written
    /// with random escapes (<see cref="JsonText"/>) and random spaces between the tokens.
    /// </summary>
    private static Gen<GeneratedLine> RecordOf(Gen<string> text) => Gen.Select(text, Id, ExtraField.Array[0, 2], Gen.Int, (text, id, extras, seed) =>
    {
        var choices = new Random(seed);
        var fields = new List<string> { $"\"text\":{Space(choices)}{JsonText.Quote(text, choices)}" };
        if (id is { } present)
        {
            fields.Add($"\"id\":{Space(choices)}{present.Json}");
        }

        fields.AddRange(extras);
        fields = [.. fields.OrderBy(_ => choices.Next())];
        string json = "{" + Space(choices) + string.Join("," + Space(choices), fields) + Space(choices) + "}";
        var expected = text.Length == 0
            ? new ExpectedRow(RecordStatus.EmptyText, id?.Id)
            : new ExpectedRow(RecordStatus.Ok, id?.Id, Encoding.UTF8.GetBytes(text));
        return new GeneratedLine(Encoding.UTF8.GetBytes(json), expected);
    });

    private static string Space(Random choices) => choices.Next(4) switch
    {
        0 => " ",
        1 => "\t ",
        _ => "",
    };

    private static GeneratedLine Line(string text, RecordStatus? status) => Line(Encoding.UTF8.GetBytes(text), status);

    private static GeneratedLine Line(byte[] bytes, RecordStatus? status) => new(bytes, new ExpectedRow(status));
}
