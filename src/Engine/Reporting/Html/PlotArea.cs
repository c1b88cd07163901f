namespace Dedup.Engine.Reporting.Html;

/// <summary>The rectangle inside a plot's margins where the data is drawn, in pixels.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    /// <summary>The area of a canvas less room for tick labels and axis titles on the left and below.</summary>
    public static PlotArea Inside(SvgCanvas canvas) => new(70, 16, canvas.Width - 20, canvas.Height - 50);
}
