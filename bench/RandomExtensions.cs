namespace Dedup.Bench;

public static class RandomExtensions
{
    /// <summary>A uniform value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;
}
