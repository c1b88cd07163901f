using Dedup.Engine.Lsh;

namespace Dedup.Engine.Plan;

/// <summary>
/// The defaults of every option that fixes a run, in one place: <see cref="DedupOptions"/> starts from
/// them and the CLI's --help prints them.
/// </summary>
public static class RunDefaults
{
    public const string TextField = "text";
    public const string IdField = "id";
    public const int ShingleSize = 5;
    public const int Permutations = 128;
    public const double Threshold = 0.8;
    public const ulong Seed = 42;
    public const VerifyMode Verify = VerifyMode.Exact;
    public const string Keep = "first";
    public const string Memory = "1G";
    public const int Tasks = 1;
}
