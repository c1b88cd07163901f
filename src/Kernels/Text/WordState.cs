using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Text;

/// <summary>The word being read: its running hash and length (docs/ALGORITHM.md, "Tokens").</summary>
public struct WordState
{
    private ulong hash;
    private int length;

    public static WordState Start => new() { hash = Mix.TokenSeed };

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
