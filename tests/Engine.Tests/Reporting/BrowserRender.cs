using System.Diagnostics;
using Xunit.Abstractions;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>Runs tests/browser/render-report.sh, which renders a page in headless Chromium and checks its console.</summary>
public static class BrowserRender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Whether a browser test should stop here: only off CI and without chromium. On CI (CI=true)
    /// a missing chromium fails the test, since .ci/install-chromium.sh should have installed it.
    /// </summary>
    public static bool Unavailable(ITestOutputHelper output)
    {
        bool installed = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "chromium")));
        if (installed)
        {
            return false;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "chromium is not installed on CI: run .ci/install-chromium.sh");
        output.WriteLine("SKIPPED: chromium is not installed (apt-get install chromium, or .ci/install-chromium.sh); this test runs on CI.");
        return true;
    }

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
