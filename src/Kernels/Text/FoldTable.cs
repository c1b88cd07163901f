using System.Globalization;
using System.Text;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Text;

/// <summary>
/// The folding table: code point -> (class, folded code point), built once at start-up from
/// .NET's Unicode data and OpenCC's traditional -> simplified Chinese characters
/// (<see cref="TraditionalChinese"/>; docs/ALGORITHM.md, "Folding"). Two levels so that it stays small and
/// copies to a device as two flat arrays: <see cref="Blocks"/>[cp >> 8] names a 256-entry block
/// of <see cref="Entries"/>; identical blocks are stored once.
/// </summary>
public sealed class FoldTable
{
    public const int BlockBits = 8;
    public const int BlockSize = 1 << BlockBits;
    public const int CodePointCount = 0x110000;

    private static readonly Lazy<FoldTable> LazyDefault = new(Build);

    private FoldTable(ushort[] blocks, uint[] entries)
    {
        Blocks = blocks;
        Entries = entries;
        Fingerprint = ComputeFingerprint(blocks, entries);
    }

    /// <summary>The table every backend uses.</summary>
    public static FoldTable Default => LazyDefault.Value;

    /// <summary>Block index per 256 code points (0x1100 entries).</summary>
    public ushort[] Blocks { get; }

    /// <summary>Entries of all distinct blocks, 256 per block.</summary>
    public uint[] Entries { get; }

    /// <summary>
    /// A hash of the whole mapping. Signatures are comparable only between runs whose tables have
    /// the same fingerprint (the table follows the Unicode version of the .NET runtime and the
    /// Chinese map compiled in).
    /// </summary>
    public ulong Fingerprint { get; }

    /// <summary>The entry of a code point (0 .. 0x10FFFF).</summary>
    public uint Lookup(int codePoint) => Entries[(Blocks[codePoint >> BlockBits] << BlockBits) | (codePoint & (BlockSize - 1))];

    private static FoldTable Build()
    {
        // Without ICU (.NET's invariant globalization mode) decompositions silently do nothing, which
        // would give every signature a different, diacritic-keeping table: refuse instead.
        if ("\u00E9".Normalize(NormalizationForm.FormKD) != "e\u0301")
        {
            throw new PlatformNotSupportedException(
                "Unicode normalization is unavailable (no ICU library, or DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is set), " +
                "so the text folding table cannot be built. Install libicu (e.g. apt-get install libicu72) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.");
        }

        // Every code point's entry first, on all cores: Unicode normalization per code point is most
        // of the work, and every process that signs or plans builds the table.
        var all = new uint[CodePointCount];
        Parallel.For(0, CodePointCount >> BlockBits, b =>
        {
            for (int i = 0; i < BlockSize; i++)
            {
                all[(b << BlockBits) | i] = EntryFor((b << BlockBits) | i);
            }
        });

        var blockOf = new Dictionary<BlockKey, ushort>();
        var blocks = new ushort[CodePointCount >> BlockBits];
        var entries = new List<uint>();
        var block = new uint[BlockSize];
        for (int b = 0; b < blocks.Length; b++)
        {
            all.AsSpan(b << BlockBits, BlockSize).CopyTo(block);

            var key = new BlockKey(block);
            if (!blockOf.TryGetValue(key, out ushort index))
            {
                index = checked((ushort)(entries.Count >> BlockBits));
                entries.AddRange(block);
                blockOf.Add(new BlockKey((uint[])block.Clone()), index);
            }

            blocks[b] = index;
        }

        // Pinned, because the CPU backend reads the table through pointers for the whole process.
        var pinnedBlocks = GC.AllocateArray<ushort>(blocks.Length, pinned: true);
        blocks.CopyTo(pinnedBlocks, 0);
        var pinnedEntries = GC.AllocateArray<uint>(entries.Count, pinned: true);
        entries.CopyTo(pinnedEntries);
        return new FoldTable(pinnedBlocks, pinnedEntries);
    }

    /// <summary>The folding rules of docs/ALGORITHM.md applied to one code point.</summary>
    internal static uint EntryFor(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF)
        {
            return CharClass.Entry(CharClass.Separator, cp, cp);
        }

        if (cp < 0x80)
        {
            return AsciiEntry(cp);
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        // Private-use code points have no decomposition and no case (Unicode's stability policy), so
        // rules 4-5 would fold each to itself, not a letter: a separator. Said here without the
        // normalization calls, as they are an eighth of all code points.
        if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
        {
            return CharClass.Entry(CharClass.Separator, cp, cp);
        }

        if (IsCombiningMark(category))
        {
            return CharClass.Entry(CharClass.Ignore, cp, cp);
        }

        int folded = Fold(cp);
        if (!IsLetterOrDigit(CharUnicodeInfo.GetUnicodeCategory(folded)))
        {
            return CharClass.Entry(CharClass.Separator, cp, cp);
        }

        if (UnsegmentedScript.Contains(folded))
        {
            // Kana voicing marks are not diacritics to strip: か and が are different syllables.
            int normalized = SingleCodePointOr(char.ConvertFromUtf32(cp).Normalize(NormalizationForm.FormKC), folded);
            // Simplified after NFKC, so that compatibility ideographs and radicals (⾨ -> 門 -> 门) fold too.
            return CharClass.Entry(CharClass.Ideograph, cp, TraditionalChinese.Simplify(normalized));
        }

        return CharClass.Entry(CharClass.Word, cp, folded);
    }

    private static uint AsciiEntry(int cp)
    {
        if (cp is >= 'A' and <= 'Z')
        {
            return CharClass.Entry(CharClass.Word, cp, cp + ('a' - 'A'));
        }

        bool word = cp is >= 'a' and <= 'z' or >= '0' and <= '9';
        return CharClass.Entry(word ? CharClass.Word : CharClass.Separator, cp, cp);
    }

    /// <summary>
    /// Compatibility decomposition (full-width -> half-width, ligature and letter-like forms),
    /// combining marks dropped (diacritics stripped), then lowercased. When that does not leave
    /// exactly one code point, the code point is only lowercased.
    /// </summary>
    private static int Fold(int cp)
    {
        string original = char.ConvertFromUtf32(cp);
        string decomposed = original.Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (!IsCombiningMark(Rune.GetUnicodeCategory(rune)))
            {
                kept.Append(rune.ToString());
            }
        }

        return SingleCodePointOr(kept.ToString().ToLowerInvariant(), Rune.ToLowerInvariant(new Rune(cp)).Value);
    }

    private static int SingleCodePointOr(string text, int fallback) =>
        text.Length > 0 && Rune.TryGetRuneAt(text, 0, out var single) && single.Utf16SequenceLength == text.Length
            ? single.Value
            : fallback;

    private static bool IsCombiningMark(UnicodeCategory c) =>
        c is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsLetterOrDigit(UnicodeCategory c) => c switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static ulong ComputeFingerprint(ushort[] blocks, uint[] entries)
    {
        ulong h = Mix.TokenSeed;
        foreach (ushort b in blocks)
        {
            h = Mix.Absorb(h, b);
        }

        foreach (uint e in entries)
        {
            h = Mix.Absorb(h, e);
        }

        return Mix.Finish(h, blocks.Length + entries.Length);
    }

    private sealed class BlockKey(uint[] values) : IEquatable<BlockKey>
    {
        private readonly uint[] values = values;

        public bool Equals(BlockKey? other) => other is not null && values.AsSpan().SequenceEqual(other.values);

        public override bool Equals(object? obj) => Equals(obj as BlockKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
