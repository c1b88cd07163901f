using System.Text.Json;

namespace Dedup.Engine.IO;

/// <summary>
/// The fast path of <see cref="JsonLineParser"/>: most JSONL records are flat objects of strings,
/// numbers and literals. For those, one pass with vectorised searches finds the wanted fields and
/// validates the line by RFC 8259, where Utf8JsonReader checks strings with escapes byte by byte
/// (a quarter of all reading time on web text, whose strings are full of \n and \"). Anything the
/// fast path does not fully handle (nested values, escaped names, surrogate escapes, anything
/// invalid) returns false, and the line goes through Utf8JsonReader, which also gives the message.
/// </summary>
internal sealed partial class JsonLineParser
{
    /// <summary>Finds the wanted top-level fields of a flat object; false when the reader must decide.</summary>
    private bool TryFastScan(ReadOnlySpan<byte> line)
    {
        int i = SkipSpace(line, 0);
        if (i >= line.Length || line[i] != (byte)'{')
        {
            return false;
        }

        i = SkipSpace(line, i + 1);
        if (i < line.Length && line[i] == (byte)'}')
        {
            return SkipSpace(line, i + 1) == line.Length;
        }

        while (true)
        {
            // A member name: a plain string without escapes.
            if (i >= line.Length || line[i] != (byte)'"')
            {
                return false;
            }

            int nameEnd = EndOfString(line, i, out bool nameEscaped);
            if (nameEnd < 0 || nameEscaped)
            {
                return false;
            }

            var name = line[(i + 1)..nameEnd];
            i = SkipSpace(line, nameEnd + 1);
            if (i >= line.Length || line[i] != (byte)':')
            {
                return false;
            }

            i = SkipSpace(line, i + 1);
            int valueEnd = EndOfScalar(line, i, out var value);
            if (valueEnd < 0)
            {
                return false;
            }

            Assign(name, value);
            i = SkipSpace(line, valueEnd);
            if (i < line.Length && line[i] == (byte)',')
            {
                i = SkipSpace(line, i + 1);
                continue;
            }

            return i < line.Length && line[i] == (byte)'}' && SkipSpace(line, i + 1) == line.Length;
        }
    }

    /// <summary>Records a member when its name is one of the wanted fields (the last repeat wins, as in <see cref="Scan"/>).</summary>
    private void Assign(ReadOnlySpan<byte> name, Field value)
    {
        for (int t = 0; t < textNamesUtf8.Length; t++)
        {
            if (name.SequenceEqual(textNamesUtf8[t]))
            {
                texts[t] = value;
            }
        }

        if (name.SequenceEqual(idNameUtf8))
        {
            id = value;
        }

        if (keyNameUtf8 is not null && name.SequenceEqual(keyNameUtf8))
        {
            key = value;
        }
    }

    /// <summary>The end of a string, number or literal starting at <paramref name="i"/>; -1 for anything else.</summary>
    private static int EndOfScalar(ReadOnlySpan<byte> line, int i, out Field value)
    {
        value = default;
        if (i >= line.Length)
        {
            return -1;
        }

        switch (line[i])
        {
            case (byte)'"':
                int end = EndOfString(line, i, out bool escaped);
                value = new Field(JsonTokenType.String, i, end - i - 1, escaped);
                return end < 0 ? -1 : end + 1;
            case (byte)'t':
                return Literal(line, i, "true"u8, JsonTokenType.True, out value);
            case (byte)'f':
                return Literal(line, i, "false"u8, JsonTokenType.False, out value);
            case (byte)'n':
                return Literal(line, i, "null"u8, JsonTokenType.Null, out value);
            default:
                int length = NumberLength(line[i..]);
                value = new Field(JsonTokenType.Number, i, length, false);
                return length > 0 ? i + length : -1;
        }
    }

    /// <summary>
    /// The index of the closing quote of the string opening at <paramref name="quote"/>, having
    /// checked every escape and that no control character is unescaped; -1 when the reader must decide.
    /// </summary>
    private static int EndOfString(ReadOnlySpan<byte> line, int quote, out bool escaped)
    {
        escaped = false;
        int i = quote + 1;
        while (true)
        {
            int next = line[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0 || line.Slice(i, next).IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
            {
                return -1;
            }

            i += next;
            if (line[i] == (byte)'"')
            {
                return i;
            }

            escaped = true;
            if (i + 1 >= line.Length)
            {
                return -1;
            }

            byte kind = line[i + 1];
            if (kind == (byte)'u')
            {
                // Four hex digits, and no surrogates: pairing rules and lone halves stay with the reader.
                if (i + 6 > line.Length || !IsHex(line.Slice(i + 2, 4)) || (line[i + 2] | 0x20) == (byte)'d' && line[i + 3] >= (byte)'8')
                {
                    return -1;
                }

                i += 6;
            }
            else if (kind is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                i += 2;
            }
            else
            {
                return -1;
            }
        }
    }

    /// <summary>The length of a JSON number (RFC 8259 section 6) at the start of <paramref name="s"/>; 0 when there is none.</summary>
    private static int NumberLength(ReadOnlySpan<byte> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == (byte)'-')
        {
            i++;
        }

        if (i < s.Length && s[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            int digits = Digits(s, i);
            if (digits == 0)
            {
                return 0;
            }

            i += digits;
        }

        if (i < s.Length && s[i] == (byte)'.')
        {
            int digits = Digits(s, i + 1);
            if (digits == 0)
            {
                return 0;
            }

            i += 1 + digits;
        }

        if (i < s.Length && (s[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < s.Length && s[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            int digits = Digits(s, i);
            if (digits == 0)
            {
                return 0;
            }

            i += digits;
        }

        return i;
    }

    private static int Digits(ReadOnlySpan<byte> s, int from)
    {
        int i = from;
        while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
        {
            i++;
        }

        return i - from;
    }

    private static int Literal(ReadOnlySpan<byte> line, int i, ReadOnlySpan<byte> literal, JsonTokenType token, out Field value)
    {
        value = new Field(token, i, literal.Length, false);
        return line[i..].StartsWith(literal) ? i + literal.Length : -1;
    }

    private static bool IsHex(ReadOnlySpan<byte> digits)
    {
        foreach (byte b in digits)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
