using Dedup.Engine.Lsh;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// The chance that the engine joins a pair of exact Jaccard s directly, under the MinHash model
/// (each of the P signature positions agrees independently with probability s).
/// <see cref="Candidate"/> is the LSH S-curve 1-(1-s^r)^b: the pair shares a band.
/// <see cref="Joined"/> adds the run's verification: with <see cref="VerifyMode.Estimate"/> the
/// estimate (agreeing positions / P) must also reach the threshold, which matters just below and
/// at the threshold, where it rejects many of the candidates the S-curve counts (well above it the
/// two curves agree); with <see cref="VerifyMode.Exact"/> only pairs with s at or above the
/// threshold pass. Neither curve counts joins through a third document, so observed recall can
/// exceed them.
/// </summary>
public sealed class DetectionCurve(BandLayout layout, int permutations, double threshold, VerifyMode verify)
{
    private readonly Dictionary<double, double> joined = [];

    public double Candidate(double s) => layout.CandidateProbability(s);

    public double Joined(double s)
    {
        if (verify != VerifyMode.Estimate)
        {
            return verify == VerifyMode.None || s >= threshold ? Candidate(s) : 0;
        }

        if (!joined.TryGetValue(s, out double p))
        {
            joined[s] = p = CandidateAndVerified(s);
        }

        return p;
    }

    /// <summary>
    /// Dynamic programme over the bands: the distribution of agreeing positions so far, split by
    /// whether some band already agrees in all r rows; the positions beyond b x r count only
    /// towards the estimate.
    /// </summary>
    private double CandidateAndVerified(double s)
    {
        var bandRows = Binomial(layout.Rows, s);
        var spare = Binomial(permutations - (layout.Bands * layout.Rows), s);
        var noBand = new double[permutations + 1];
        var someBand = new double[permutations + 1];
        noBand[0] = 1;
        int reach = 0;
        for (int band = 0; band < layout.Bands; band++)
        {
            var nextNo = new double[permutations + 1];
            var nextSome = new double[permutations + 1];
            for (int m = 0; m <= reach; m++)
            {
                for (int k = 0; k <= layout.Rows; k++)
                {
                    double p = bandRows[k];
                    nextSome[m + k] += someBand[m] * p;
                    if (k == layout.Rows)
                    {
                        nextSome[m + k] += noBand[m] * p;
                    }
                    else
                    {
                        nextNo[m + k] += noBand[m] * p;
                    }
                }
            }

            (noBand, someBand) = (nextNo, nextSome);
            reach += layout.Rows;
        }

        int needed = AgreementsNeeded();
        double total = 0;
        for (int m = 0; m <= reach; m++)
        {
            for (int k = 0; k < spare.Length; k++)
            {
                total += m + k >= needed ? someBand[m] * spare[k] : 0;
            }
        }

        return total;
    }

    /// <summary>The fewest agreeing positions whose estimate passes, with the engine's own comparison (agreeing / P >= threshold).</summary>
    private int AgreementsNeeded()
    {
        int m = 0;
        while (m < permutations && (double)m / permutations < threshold)
        {
            m++;
        }

        return m;
    }

    private static double[] Binomial(int n, double s)
    {
        var p = new double[n + 1];
        double choose = 1;
        for (int k = 0; k <= n; k++)
        {
            p[k] = choose * Math.Pow(s, k) * Math.Pow(1 - s, n - k);
            choose = choose * (n - k) / (k + 1);
        }

        return p;
    }
}
