namespace Dedup.Engine.Reporting.Html;

/// <summary>Maps data values to pixels along one axis and says where its ticks go.</summary>
internal interface IScale
{
    double Map(double value);

    IReadOnlyList<Tick> Ticks();
}
