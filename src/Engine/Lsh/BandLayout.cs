namespace Dedup.Engine.Lsh;

/// <summary>b bands of r rows, and the chance that a pair of Jaccard similarity s shares at least one band.</summary>
public readonly record struct BandLayout(int Bands, int Rows)
{
    /// <summary>1 - (1 - s^r)^b: the LSH S-curve.</summary>
    public double CandidateProbability(double similarity) => 1 - Math.Pow(1 - Math.Pow(similarity, Rows), Bands);

    public override string ToString() => $"{Bands} bands x {Rows} rows";
}
