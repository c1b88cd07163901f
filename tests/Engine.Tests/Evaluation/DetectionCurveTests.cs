using Dedup.Engine.Evaluation;
using Dedup.Engine.Lsh;

namespace Dedup.Engine.Tests.Evaluation;

public sealed class DetectionCurveTests
{
    private static readonly BandLayout Layout = new(9, 13);

    [Fact]
    public void WithoutVerificationItIsTheSCurveAndExactVerificationCutsAtTheThreshold()
    {
        var none = new DetectionCurve(Layout, 128, 0.8, VerifyMode.None);
        var exact = new DetectionCurve(Layout, 128, 0.8, VerifyMode.Exact);
        for (double s = 0; s <= 1; s += 0.05)
        {
            Assert.Equal(Layout.CandidateProbability(s), none.Joined(s), 12);
            Assert.Equal(s >= 0.8 ? Layout.CandidateProbability(s) : 0, exact.Joined(s), 12);
        }
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.78)]
    [InlineData(0.8)]
    [InlineData(0.85)]
    [InlineData(0.9)]
    public void EstimateVerificationMatchesASimulationOfTheMinHashModel(double s)
    {
        // Each of 128 positions agrees with probability s; joined = some band of 13 rows agrees
        // entirely and at least 103 positions (0.8 x 128 = 102.4) agree. 40,000 trials: sd <= 0.0025.
        var random = new Random(11);
        const int Trials = 40_000;
        int joined = 0;
        var agree = new bool[128];
        for (int t = 0; t < Trials; t++)
        {
            int count = 0;
            for (int p = 0; p < agree.Length; p++)
            {
                agree[p] = random.NextDouble() < s;
                count += agree[p] ? 1 : 0;
            }

            bool band = Enumerable.Range(0, Layout.Bands).Any(b => agree.Skip(b * Layout.Rows).Take(Layout.Rows).All(x => x));
            joined += band && count >= 103 ? 1 : 0;
        }

        var curve = new DetectionCurve(Layout, 128, 0.8, VerifyMode.Estimate);
        Assert.InRange(curve.Joined(s), ((double)joined / Trials) - 0.012, ((double)joined / Trials) + 0.012);
        Assert.True(curve.Joined(s) <= curve.Candidate(s) + 1e-12);
    }

    [Fact]
    public void IdenticalSetsAlwaysJoinAndDisjointOnesNever()
    {
        var curve = new DetectionCurve(Layout, 128, 0.8, VerifyMode.Estimate);
        Assert.Equal(1, curve.Joined(1), 12);
        Assert.Equal(0, curve.Joined(0), 12);
    }
}
