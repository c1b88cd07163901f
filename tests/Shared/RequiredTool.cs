namespace Dedup.Tests.Shared;

/// <summary>
/// A test that needs a program from outside the repository (Chromium, Slurm) calls
/// <see cref="Require"/> first and is a <c>[SkippableFact]</c>: without the program it is reported
/// as skipped with the reason and the command that installs it, never as passed. On CI (CI=true)
/// a missing program fails the test instead, since .ci/run installs every one of them.
/// </summary>
public static class RequiredTool
{
    public static void Require(string what, string install, params string[] programs)
    {
        string[] missing = programs.Where(p => !OnPath(p)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        RequireThat(false, $"{what} needs {string.Join(", ", missing)}, not on PATH: {install}");
    }

    /// <summary>The same for what a program on PATH is not enough for (the right to mount, as root): skipped with the reason, failed on CI.</summary>
    public static void RequireThat(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} (on CI a missing tool is a failure)");
        Skip.If(true, reason);
    }

    /// <summary>PATH and the sbin folders, where root's daemons (slurmctld, munged) live.</summary>
    public static string SearchPath => $"{Environment.GetEnvironmentVariable("PATH")}:/usr/sbin:/sbin";

    public static bool OnPath(string program) =>
        SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
}
