namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// A log axis for counts: log10(1 + n), so that zero sits on the baseline and a single item
/// still gets a visible bar (a plain log axis puts 1 on the baseline). Ticks at 0, 1, 10, 100...
/// </summary>
internal sealed class CountLogScale : IScale
{
    private readonly int decades;
    private readonly double top;
    private readonly double rangeStart;
    private readonly double rangeEnd;

    public CountLogScale(long maxCount, double rangeStart, double rangeEnd)
    {
        decades = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(1, maxCount))));
        top = Math.Log10(1 + Math.Pow(10, decades));
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
    }

    public double Map(double value) => rangeStart + (Math.Log10(1 + Math.Max(0, value)) / top * (rangeEnd - rangeStart));

    public IReadOnlyList<Tick> Ticks() =>
        [new Tick(0, "0"), .. Enumerable.Range(0, decades + 1).Select(d => (long)Math.Pow(10, d)).Select(v => new Tick(v, DisplayFormat.Count(v)))];
}
