namespace Dedup.Engine.Reporting.Html;

/// <summary>
/// One row of a horizontal bar chart: a label, a bar, the value written after it and a tooltip
/// with the exact numbers. A row without a value is a note between bars (e.g. "40 more shards").
/// </summary>
internal sealed record BarRow(string Label, double? Value, string ValueText, string Tooltip);
