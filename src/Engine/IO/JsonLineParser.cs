using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Dedup.Engine.IO;

/// <summary>
/// Classifies one JSONL line and extracts its text and id straight from the UTF-8 bytes: no string is made
/// per line, and values other than the wanted fields are skipped, not materialised.
/// </summary>
internal sealed partial class JsonLineParser
{
    // Deeper than the default 64: nesting in other fields must not make a record unreadable.
    internal static readonly JsonReaderOptions JsonOptions = new() { MaxDepth = 1024 };

    private const int LargeTextBuffer = 16 << 20;

    /// <summary>U+FEFF in UTF-8, which no JSON value starts with.</summary>
    internal static ReadOnlySpan<byte> ByteOrderMark => "\uFEFF"u8;

    private readonly string[] textNames;
    private readonly byte[][] textNamesUtf8;
    private readonly byte[] idNameUtf8;
    private readonly byte[]? keyNameUtf8;
    private readonly Field[] texts;
    private Field id;
    private Field key;
    private readonly bool fastPath;
    private bool stringsValidated;
    private byte[] text = new byte[4096];
    private int textLength;
    private byte[] repaired = [];

    // Where the line that was parsed lives (the line reader's buffer, or the repaired copy): the id is
    // read lazily from it, and offsets in the fields are relative to it.
    private byte[] parsedArray = [];
    private int parsedStart;
    private int parsedLength;

    public JsonLineParser(ReaderOptions options)
        : this(options, fastPath: true)
    {
    }

    /// <summary>Without the fast path every line goes through Utf8JsonReader (the tests compare the two).</summary>
    internal JsonLineParser(ReaderOptions options, bool fastPath)
    {
        this.fastPath = fastPath;
        textNames = [.. options.TextFields];
        textNamesUtf8 = [.. textNames.Select(name => Encoding.UTF8.GetBytes(name))];
        idNameUtf8 = Encoding.UTF8.GetBytes(options.IdField);
        keyNameUtf8 = options.KeyField is null ? null : Encoding.UTF8.GetBytes(options.KeyField);
        texts = new Field[textNames.Length];
    }

    public RecordStatus Status { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The joined, unescaped text; empty unless the status is Ok or Repaired.</summary>
    public ReadOnlySpan<byte> Text => text.AsSpan(0, textLength);

    private ReadOnlySpan<byte> Parsed => parsedArray.AsSpan(parsedStart, parsedLength);

    /// <summary>
    /// Parses one line. A byte order mark at its start is skipped on any line, not only the first: files
    /// concatenated with `cat` carry theirs into the middle, and a filtered copy that removed the lines
    /// before one must read it as the input did (bench fuzz found the difference).
    /// </summary>
    public void Parse(byte[] buffer, int start, int length)
    {
        textLength = 0;
        Problem = null;
        id = default;
        key = default;
        Array.Clear(texts);

        var line = buffer.AsSpan(start, length);
        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1];
        }

        if (line.StartsWith(ByteOrderMark))
        {
            start += 3;
            line = line[3..];
        }

        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            Set(RecordStatus.BlankLine, "blank line");
            return;
        }

        bool invalidUtf8 = !Utf8.IsValid(line);
        if (invalidUtf8)
        {
            // Utf8JsonReader does not check UTF-8 until a string is copied out, so repair the whole line
            // first: then names, text and id are all well-formed and offsets stay consistent.
            int repairedLength = Utf8Repair.Repair(line, ref repaired);
            (parsedArray, parsedStart, parsedLength) = (repaired, 0, repairedLength);
        }
        else
        {
            (parsedArray, parsedStart, parsedLength) = (buffer, start, line.Length);
        }

        // The fast path validates the strings it passes, so they are unescaped without the reader.
        stringsValidated = fastPath && TryFastScan(Parsed);
        if (stringsValidated)
        {
            ExtractText(invalidUtf8);
            return;
        }

        id = default;
        key = default;
        Array.Clear(texts);
        string? notAnObject;
        try
        {
            notAnObject = Scan(Parsed);
        }
        catch (JsonException e)
        {
            id = default;
            key = default;
            Set(RecordStatus.InvalidJson, Describe(e));
            return;
        }

        if (notAnObject is not null)
        {
            Set(RecordStatus.InvalidJson, notAnObject);
            return;
        }

        ExtractText(invalidUtf8);
    }

    /// <summary>The id of the parsed line, or <paramref name="fallback"/> when it has none usable.</summary>
    public string GetId(string fallback) => ScalarText(id) ?? fallback;

    /// <summary>The key field of the parsed line, or null when it is not asked for or not a scalar.</summary>
    public string? GetKey() => ScalarText(key);

    /// <summary>A string value as is, a number or boolean as its JSON text; null for anything else.</summary>
    private string? ScalarText(Field field)
    {
        var line = Parsed;
        switch (field.Token)
        {
            case JsonTokenType.String:
                var raw = line.Slice(field.Start + 1, field.Length);
                if (!field.Escaped)
                {
                    return Encoding.UTF8.GetString(raw);
                }

                var unescaped = new byte[raw.Length];
                bool lenient = false;
                int n = Unescape(line, field, unescaped, ref lenient);
                return Encoding.UTF8.GetString(unescaped, 0, n);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(line.Slice(field.Start, field.Length));
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return null;
        }
    }

    /// <summary>Records where the wanted top-level fields are; returns a reason when the line is JSON but not an object.</summary>
    private string? Scan(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, JsonOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"invalid JSON: the line holds {Describe(reader.TokenType)}, not an object";
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            ulong textMatches = 0;
            for (int i = 0; i < textNamesUtf8.Length; i++)
            {
                if (reader.ValueTextEquals(textNamesUtf8[i]))
                {
                    textMatches |= 1UL << i;
                }
            }

            bool isId = reader.ValueTextEquals(idNameUtf8);
            bool isKey = keyNameUtf8 is not null && reader.ValueTextEquals(keyNameUtf8);
            reader.Read();
            var value = new Field(reader.TokenType, (int)reader.TokenStartIndex, reader.ValueSpan.Length, reader.ValueIsEscaped);
            // A repeated key takes its last value, as Python's json and most parsers do.
            for (int i = 0; textMatches != 0; i++, textMatches >>= 1)
            {
                if ((textMatches & 1) != 0)
                {
                    texts[i] = value;
                }
            }

            if (isId)
            {
                id = value;
            }

            if (isKey)
            {
                key = value;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        // Only whitespace may follow the object; Read throws on anything else.
        reader.Read();
        return null;
    }

    private void ExtractText(bool invalidUtf8)
    {
        int capacity = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            var field = texts[i];
            if (field.Token == JsonTokenType.None)
            {
                Set(RecordStatus.MissingText, $"field '{textNames[i]}' is missing");
                return;
            }

            if (field.Token != JsonTokenType.String)
            {
                Set(RecordStatus.TextNotString, $"field '{textNames[i]}' is {Describe(field.Token)}, not a string");
                return;
            }

            capacity += field.Length + 1;
        }

        EnsureTextCapacity(capacity);
        var line = Parsed;
        bool lenient = false;
        int written = 0;
        bool allEmpty = true;
        for (int i = 0; i < texts.Length; i++)
        {
            if (i > 0)
            {
                text[written++] = (byte)'\n';
            }

            int n = Unescape(line, texts[i], text.AsSpan(written), ref lenient);
            allEmpty &= n == 0;
            written += n;
        }

        if (allEmpty)
        {
            Set(RecordStatus.EmptyText, texts.Length == 1
                ? $"field '{textNames[0]}' is an empty string"
                : $"fields {string.Join(", ", textNames.Select(n => $"'{n}'"))} are all empty strings");
            return;
        }

        textLength = written;
        if (invalidUtf8 || lenient)
        {
            Set(RecordStatus.Repaired, invalidUtf8
                ? "invalid UTF-8 replaced by U+FFFD"
                : "unpaired \\u surrogate escape replaced by U+FFFD");
        }
        else
        {
            Set(RecordStatus.Ok, null);
        }
    }

    /// <summary>Unescapes a string value into <paramref name="target"/> (at least as long as the raw value).</summary>
    private int Unescape(ReadOnlySpan<byte> line, Field field, Span<byte> target, ref bool lenient)
    {
        var raw = line.Slice(field.Start + 1, field.Length);
        if (!field.Escaped)
        {
            raw.CopyTo(target);
            return raw.Length;
        }

        if (stringsValidated)
        {
            return JsonStringUnescaper.Unescape(raw, target);
        }

        // A fresh reader over just the quoted value: Utf8JsonReader can only copy the token it stands on.
        var reader = new Utf8JsonReader(line.Slice(field.Start, field.Length + 2));
        reader.Read();
        try
        {
            return reader.CopyString(target);
        }
        catch (InvalidOperationException)
        {
            lenient = true;
            return JsonStringUnescaper.Unescape(raw, target);
        }
    }

    private void EnsureTextCapacity(int capacity)
    {
        if (text.Length < capacity)
        {
            int doubled = (int)Math.Min(text.Length * 2L, Array.MaxLength);
            text = new byte[Math.Max(capacity, doubled)];
        }
        else if (text.Length > LargeTextBuffer && capacity < LargeTextBuffer / 16)
        {
            // Give back the buffer of an exceptionally large document instead of holding it for the rest of the shard.
            text = new byte[Math.Max(capacity, 4096)];
        }
    }

    /// <summary>Marks the line as <see cref="RecordStatus.TooLarge"/>: only its first bytes were read, so it has no text, id or key.</summary>
    public void SetTooLarge(string problem)
    {
        textLength = 0;
        id = default;
        key = default;
        Array.Clear(texts);
        (parsedArray, parsedStart, parsedLength) = ([], 0, 0);
        Set(RecordStatus.TooLarge, problem);
    }

    private void Set(RecordStatus status, string? problem)
    {
        Status = status;
        Problem = problem;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    private static string Describe(JsonException e)
    {
        // The reader's message ends with "LineNumber: 0 | BytePositionInLine: n."; say it more simply.
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        // The reader quotes the offending token, which may be the whole line, and raw bytes of it.
        message = MessageText.Safe(message.TrimEnd().TrimEnd('.'));
        return e.BytePositionInLine is long position
            ? $"invalid JSON: {message} at byte {position}"
            : $"invalid JSON: {message}";
    }

    /// <summary>Where a top-level value is in the parsed line; Token None means the field is absent.</summary>
    private readonly record struct Field(JsonTokenType Token, int Start, int Length, bool Escaped);
}
