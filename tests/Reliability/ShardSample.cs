namespace Dedup.Reliability;

/// <summary>
/// One shard file for a property: its bytes, the name ending that gives its format (".jsonl.gz"), and, for a
/// generated file that no mutation touched, what each row must read as.
/// </summary>
/// <param name="Origin">How it was made, for the counts and for messages ("generated", "mutated: flip bit 3 at 120, ...").</param>
public sealed record ShardSample(string Suffix, byte[] Bytes, IReadOnlyList<ExpectedRow>? Expected, string Origin)
{
    /// <summary>"jsonl.gz generated", "parquet mutated": the class a case is counted in.</summary>
    public string Kind => $"{Suffix.TrimStart('.')} {(Expected is null ? "mutated" : "generated")}";

    /// <summary>Writes the file as <paramref name="name"/> plus <see cref="Suffix"/> in <paramref name="folder"/>; returns its path.</summary>
    public string WriteTo(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + Suffix);
        File.WriteAllBytes(path, Bytes);
        return path;
    }

    /// <summary>For CsCheck's report of a failing case: what it is, and its first bytes.</summary>
    public override string ToString() =>
        $"{Suffix} of {Bytes.Length} bytes ({Origin}); starts {Convert.ToHexString(Bytes.AsSpan(0, Math.Min(48, Bytes.Length)))}";
}
