namespace Dedup.Engine.Reporting.Html;

/// <summary>One figure of the page: its title, its SVG and a line that says how to read it.</summary>
internal sealed record Plot(string Title, string Svg, string Note);
