using System.Globalization;
using System.Text;

namespace Dedup.Engine.IO;

/// <summary>
/// Lenient JSON string unescaping, used only when Utf8JsonReader refuses a string: it rejects an unpaired
/// \uD800-\uDFFF escape, which truncated web text contains often enough that dropping the record would
/// lose data. Such an escape becomes U+FFFD; everything else follows RFC 8259.
/// </summary>
internal static class JsonStringUnescaper
{
    /// <summary>
    /// Unescapes <paramref name="raw"/> (the bytes between the quotes, already validated by the JSON reader)
    /// into <paramref name="target"/>, which must be at least as long as <paramref name="raw"/>; returns the length.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> raw, Span<byte> target)
    {
        int w = 0;
        int i = 0;
        while (i < raw.Length)
        {
            int backslash = raw[i..].IndexOf((byte)'\\');
            int plain = backslash < 0 ? raw.Length - i : backslash;
            raw.Slice(i, plain).CopyTo(target[w..]);
            w += plain;
            i += plain;
            if (i >= raw.Length)
            {
                break;
            }

            byte kind = raw[i + 1];
            if (kind != (byte)'u')
            {
                target[w++] = kind switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => kind, // '"', '\\' and '/' stand for themselves
                };
                i += 2;
                continue;
            }

            int unit = Hex(raw.Slice(i + 2, 4));
            i += 6;
            Rune rune;
            if (char.IsHighSurrogate((char)unit) && i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                && char.IsLowSurrogate((char)Hex(raw.Slice(i + 2, 4))))
            {
                rune = new Rune((char)unit, (char)Hex(raw.Slice(i + 2, 4)));
                i += 6;
            }
            else if (char.IsSurrogate((char)unit))
            {
                rune = Rune.ReplacementChar;
            }
            else
            {
                rune = new Rune(unit);
            }

            w += rune.EncodeToUtf8(target[w..]);
        }

        return w;
    }

    private static int Hex(ReadOnlySpan<byte> digits) =>
        int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
