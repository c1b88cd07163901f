using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Dedup.Engine.Reporting.Html;
using Xunit.Abstractions;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>report.html in a real browser: headless Chromium renders it without console errors.</summary>
public sealed class BrowserRenderTests(ITestOutputHelper output)
{
    /// <summary>Rendered in the test output folder and kept, so that a person can look at the screenshot.</summary>
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "browser");

    [SkippableFact]
    public void ReportRendersInChromiumWithoutConsoleErrors()
    {
        BrowserRender.RequireChromium();

        string page = Fresh("report.html"), png = Fresh("report.png");
        File.WriteAllText(page, HtmlReport.Render(SampleReports.Create(SampleReports.ShardNames(60))));

        var (exitCode, log) = BrowserRender.Run(page, png);
        output.WriteLine(log);
        Assert.True(exitCode == 0, log);

        // A PNG of the whole window, and more than a blank page compresses to.
        byte[] image = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)));
        Assert.Equal(2400, BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20)));
        Assert.True(image.Length > 100_000, $"{png} is only {image.Length} bytes");

        // The browser built every plot, and took the hostile shard name as text, not as a tag.
        string dom = File.ReadAllText(Path.ChangeExtension(png, ".dom.html"));
        Assert.Equal(5, Regex.Matches(dom, "<svg ").Count);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.jsonl", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        output.WriteLine($"screenshot: {png}");
    }

    /// <summary>The check above is only worth something if a page that logs an error fails it.</summary>
    [SkippableFact]
    public void PageThatLogsAnErrorFailsTheRender()
    {
        BrowserRender.RequireChromium();

        string page = Fresh("console-error.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><p>x</p><script>console.error('deliberate error')</script></body></html>");

        var (exitCode, log) = BrowserRender.Run(page, Fresh("console-error.png"));
        output.WriteLine(log);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("deliberate error", log, StringComparison.Ordinal);
    }

    private static string Fresh(string name)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name);
        File.Delete(path);
        return path;
    }
}
