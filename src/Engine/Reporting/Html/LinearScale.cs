namespace Dedup.Engine.Reporting.Html;

/// <summary>A linear axis with ticks at round steps (1, 2 or 5 times a power of ten).</summary>
internal sealed class LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd) : IScale
{
    private const int TargetTicks = 6;

    public double Map(double value) =>
        domainMax == domainMin ? rangeStart : rangeStart + ((value - domainMin) / (domainMax - domainMin) * (rangeEnd - rangeStart));

    public IReadOnlyList<Tick> Ticks()
    {
        double step = RoundStep((domainMax - domainMin) / TargetTicks);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var ticks = new List<Tick>();
        // Whole multiples of the step, so that ticks land on round numbers (0.25 steps would not).
        for (long k = (long)Math.Ceiling((domainMin / step) - 1e-9); k * step <= domainMax + (step * 1e-9); k++)
        {
            ticks.Add(new Tick(k * step, DisplayFormat.Number(k * step, decimals)));
        }

        return ticks;
    }

    /// <summary>The smallest of 1, 2, 5 times a power of ten that is at least <paramref name="rough"/>.</summary>
    private static double RoundStep(double rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double mantissa = rough / power;
        return power * (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10);
    }
}
