using System.Text;

namespace Dedup.Engine.IO;

/// <summary>Replaces each maximal invalid UTF-8 subsequence with U+FFFD (EF BF BD), as the Unicode standard recommends.</summary>
internal static class Utf8Repair
{
    private static ReadOnlySpan<byte> Replacement => [0xEF, 0xBF, 0xBD];

    /// <summary>Writes the repaired copy of <paramref name="source"/> into <paramref name="target"/> (grown as needed) and returns its length.</summary>
    public static int Repair(ReadOnlySpan<byte> source, ref byte[] target)
    {
        // Two passes (measure, then write) keep the copy exact-size: lines can be tens of MB.
        int length = Run(source, []);
        if (target.Length < length)
        {
            target = new byte[length];
        }

        return Run(source, target);
    }

    /// <summary>Computes the repaired length, and writes the bytes too when <paramref name="target"/> is not empty.</summary>
    private static int Run(ReadOnlySpan<byte> source, Span<byte> target)
    {
        bool write = !target.IsEmpty;
        int written = 0;
        int i = 0;
        while (i < source.Length)
        {
            // Runs of ASCII are the common case and need no decoding.
            int ascii = source[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            int run = ascii < 0 ? source.Length - i : ascii;
            if (run > 0)
            {
                if (write)
                {
                    source.Slice(i, run).CopyTo(target[written..]);
                }

                written += run;
                i += run;
                continue;
            }

            var status = Rune.DecodeFromUtf8(source[i..], out _, out int consumed);
            var bytes = status == System.Buffers.OperationStatus.Done ? source.Slice(i, consumed) : Replacement;
            if (write)
            {
                bytes.CopyTo(target[written..]);
            }

            written += bytes.Length;
            i += consumed;
        }

        return written;
    }
}
