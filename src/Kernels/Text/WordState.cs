using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Text;

/// <summary>The word being read: its running hash and length (docs/ALGORITHM.md, "Tokens").</summary>
public struct WordState
{
    private ulong hash;
    private int length;

    public static WordState Start => new() { hash = Mix.TokenSeed };

    /// <summary>The running hash, for a scanner that continues the word in its own way.</summary>
    internal readonly ulong Hash => hash;

    /// <summary>Code points read so far; 0 when no word is open.</summary>
    internal readonly int Length => length;

    /// <summary>A word left open at <paramref name="hash"/> after <paramref name="length"/> code points.</summary>
    internal static WordState Open(ulong hash, int length) => new() { hash = hash, length = length };

    /// <summary>Adds a folded code point of class <see cref="CharClass.Word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(uint folded)
    {
        hash = Mix.Absorb(hash, folded);
        length++;
    }

    /// <summary>Emits the word, if there is one, and starts the next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End<TSink>(ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (length > 0)
        {
            sink.Add(Mix.Finish(hash, length));
            hash = Mix.TokenSeed;
            length = 0;
        }
    }
}
