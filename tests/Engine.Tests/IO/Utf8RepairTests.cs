using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

public sealed class Utf8RepairTests
{
    [Theory]
    [InlineData("61", "61")]
    [InlineData("61FF62", "61EFBFBD62")]
    // A truncated 4-byte sequence is one maximal invalid subsequence: one U+FFFD.
    [InlineData("61F09F9862", "61EFBFBD62")]
    // ED A0 80 (an encoded surrogate) and C0 AF (overlong) are invalid byte by byte.
    [InlineData("EDA080", "EFBFBDEFBFBDEFBFBD")]
    [InlineData("C0AF", "EFBFBDEFBFBD")]
    [InlineData("F4908080", "EFBFBDEFBFBDEFBFBDEFBFBD")]
    // Valid multi-byte characters around the damage survive, and a truncated sequence at the very end is replaced.
    [InlineData("C3A9E282ACF09F9880E2", "C3A9E282ACF09F9880EFBFBD")]
    public void EachMaximalInvalidSubsequenceBecomesOneReplacementCharacter(string input, string expected)
    {
        byte[] target = [];

        int length = Utf8Repair.Repair(Convert.FromHexString(input), ref target);

        Assert.Equal(expected, Convert.ToHexString(target, 0, length));
    }
}
