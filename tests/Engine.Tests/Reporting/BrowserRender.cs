using System.Diagnostics;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>Runs tests/browser/render-report.sh, which renders a page in headless Chromium and checks its console.</summary>
public static class BrowserRender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Skips the calling [SkippableFact] without chromium (fails it on CI).</summary>
    public static void RequireChromium() =>
        RequiredTool.Require("rendering report.html", "apt-get install chromium, or bash .ci/install-chromium.sh", "chromium");

    /// <summary>Renders <paramref name="page"/> to <paramref name="png"/>; the exit code and everything the script said.</summary>
    public static (int ExitCode, string Output) Run(string page, string png)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "tests", "browser", "render-report.sh"));
        start.ArgumentList.Add(page);
        start.ArgumentList.Add(png);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"render-report.sh took longer than {Timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
