using System.Xml;
using System.Xml.Linq;
using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>A rendered report.html parsed as XML (the page is kept well-formed), with finders for the tests.</summary>
public sealed class ReportPage
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public ReportPage(HtmlReportData data)
    {
        Html = HtmlReport.Render(data);
        using var reader = XmlReader.Create(new StringReader(Html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        Document = XDocument.Load(reader);
    }

    public string Html { get; }

    public XDocument Document { get; }

    public IReadOnlyList<XElement> Plots => Document.Descendants(Svg + "svg").ToList();

    /// <summary>The plot whose SVG title starts with <paramref name="title"/>.</summary>
    public XElement Plot(string title) =>
        Plots.Single(svg => svg.Element(Svg + "title")!.Value.StartsWith(title, StringComparison.Ordinal));

    /// <summary>The tooltips of a plot's bars, which carry their exact numbers.</summary>
    public static IReadOnlyList<string> BarTooltips(XElement plot) =>
        plot.Descendants(Svg + "rect").Select(r => r.Element(Svg + "title")!.Value).ToList();

    public static IReadOnlyList<string> Texts(XElement plot) => plot.Descendants(Svg + "text").Select(t => t.Value).ToList();

    /// <summary>The value of the headline figure called <paramref name="name"/>.</summary>
    public string Stat(string name) => StatPart(name, "stat-value");

    /// <summary>The note under a headline figure.</summary>
    public string StatNote(string name) => StatPart(name, "stat-sub");

    private string StatPart(string name, string part)
    {
        var stat = Document.Descendants("div").Single(d => ClassIs(d, "stat-name") && d.Value == name).Parent!;
        return stat.Elements("div").Single(d => ClassIs(d, part)).Value;
    }

    private static bool ClassIs(XElement element, string cssClass) => (string?)element.Attribute("class") == cssClass;
}
