namespace Dedup.Engine.Reporting.Html;

/// <summary>A labelled position on an axis, in data units.</summary>
internal readonly record struct Tick(double Value, string Label);
