namespace Dedup.Engine.Lsh;

/// <summary>
/// Picks bands x rows for a similarity threshold as datasketch does (MinHashLSH._optimal_param):
/// minimise w_fp * (area under the S-curve below the threshold) + w_fn * (area above the curve
/// beyond it) over every b, r with b * r &lt;= permutations.
/// </summary>
public static class BandLayoutChooser
{
    private const int IntegrationSteps = 200;

    public static BandLayout Choose(double threshold, int permutations, double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5)
    {
        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must lie strictly between 0 and 1");
        }

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
