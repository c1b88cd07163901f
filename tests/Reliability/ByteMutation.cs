using CsCheck;

namespace Dedup.Reliability;

/// <summary>
/// One change to a file's bytes, of the kinds that damaged copies show: a flipped bit, an overwritten byte, a
/// truncation, random bytes inserted, a span deleted or duplicated elsewhere. Where it applies is drawn
/// anywhere in the file, or in its first or last 64 bytes, where headers, footers and trailers live.
/// </summary>
public sealed record ByteMutation(ByteMutation.Kind What, ByteMutation.Region Where, int Position, int Length, int Other, byte[] Bytes)
{
    public enum Kind
    {
        FlipBit,
        SetByte,
        Truncate,
        Insert,
        Delete,
        Duplicate,
    }

    public enum Region
    {
        Anywhere,
        Head,
        Tail,
    }

    public static readonly Gen<ByteMutation> Any = Gen.Select(
        Gen.Enum<Kind>(), Gen.Enum<Region>(), Gen.Int.NonNegative, Gen.Int[1, 64], Gen.Int.NonNegative, Gen.Byte.Array[1, 16],
        (what, where, position, length, other, bytes) => new ByteMutation(what, where, position, length, other, bytes));

    public byte[] ApplyTo(byte[] file)
    {
        if (file.Length == 0)
        {
            return What == Kind.Insert ? Bytes : file;
        }

        int at = Offset(file.Length, Position);
        int span = Math.Min(Length, file.Length - at);
        return What switch
        {
            Kind.FlipBit => Changed(file, at, (byte)(file[at] ^ (1 << (Other % 8)))),
            Kind.SetByte => Changed(file, at, Bytes[0]),
            Kind.Truncate => file[..at],
            Kind.Insert => [.. file[..at], .. Bytes, .. file[at..]],
            Kind.Delete => [.. file[..at], .. file[(at + span)..]],
            Kind.Duplicate => Insert(file, file[at..(at + span)], Other % (file.Length + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(What), What, null),
        };
    }

    public override string ToString() => $"{What} {Length} at {Where} {Position}";

    private int Offset(int length, int drawn) => Where switch
    {
        Region.Head => drawn % Math.Min(64, length),
        Region.Tail => length - 1 - (drawn % Math.Min(64, length)),
        _ => drawn % length,
    };

    private static byte[] Changed(byte[] file, int at, byte value)
    {
        var copy = file.ToArray();
        copy[at] = value;
        return copy;
    }

    private static byte[] Insert(byte[] file, byte[] span, int at) => [.. file[..at], .. span, .. file[at..]];
}
