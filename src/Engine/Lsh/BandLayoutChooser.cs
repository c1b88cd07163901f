namespace Dedup.Engine.Lsh;

/// <summary>
/// Picks bands x rows for a similarity threshold: <see cref="ForVerifiedRun"/> when candidates are
/// verified (the default), <see cref="Choose"/> (datasketch's) when every candidate joins.
/// </summary>
public static class BandLayoutChooser
{
    /// <summary>The chance that a pair exactly at the threshold becomes a candidate, under <see cref="ForVerifiedRun"/>.</summary>
    public const double RecallAtThreshold = 0.995;

    private const int IntegrationSteps = 200;

    /// <summary>
    /// For a run that verifies its candidates: the most rows (fewest candidates below the threshold to
    /// verify) for which some bands reach <paramref name="recall"/> at the threshold, with the fewest bands
    /// that do (18 x 6 at 0.8 and 128 permutations: 0.9958). Banding at the threshold itself, as
    /// datasketch's optimum does (9 x 13, 0.40 at 0.8), loses the pairs near it; verification keeps
    /// the precision that the lower banding gives up. Where no layout reaches the recall (very few
    /// permutations), the one that comes closest.
    /// </summary>
    public static BandLayout ForVerifiedRun(double threshold, int permutations, double recall = RecallAtThreshold)
    {
        CheckThreshold(threshold);
        for (int r = permutations; r >= 1; r--)
        {
            for (int b = 1; b * r <= permutations; b++)
            {
                var layout = new BandLayout(b, r);
                if (layout.CandidateProbability(threshold) >= recall)
                {
                    return layout;
                }
            }
        }

        // One row per band, every permutation a band: the highest chance any layout gives.
        return new BandLayout(permutations, 1);
    }

    /// <summary>
    /// datasketch's choice (MinHashLSH._optimal_param): minimise w_fp * (area under the S-curve below the
    /// threshold) + w_fn * (area above the curve beyond it) over every b, r with b * r &lt;= permutations.
    /// </summary>
    public static BandLayout Choose(double threshold, int permutations, double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5)
    {
        CheckThreshold(threshold);

        var best = new BandLayout(1, 1);
        double bestError = double.PositiveInfinity;
        for (int b = 1; b <= permutations; b++)
        {
            for (int r = 1; r <= permutations / b; r++)
            {
                var layout = new BandLayout(b, r);
                double falsePositive = Integrate(layout.CandidateProbability, 0, threshold);
                double falseNegative = Integrate(s => 1 - layout.CandidateProbability(s), threshold, 1);
                double error = (falsePositiveWeight * falsePositive) + (falseNegativeWeight * falseNegative);
                if (error < bestError)
                {
                    bestError = error;
                    best = layout;
                }
            }
        }

        return best;
    }

    private static void CheckThreshold(double threshold)
    {
        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must lie strictly between 0 and 1");
        }
    }

    /// <summary>Composite Simpson's rule; the integrands are smooth polynomials in s.</summary>
    private static double Integrate(Func<double, double> f, double a, double b)
    {
        double h = (b - a) / IntegrationSteps;
        double sum = f(a) + f(b);
        for (int i = 1; i < IntegrationSteps; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
