using System.Text.Json;

namespace Dedup.Cli.Tests;

/// <summary>
/// Input text quoted in messages is bounded and cannot drive the terminal: a line of escape sequences
/// and a 5 MB invalid line reach stderr, report.json and report.html as short, escaped excerpts.
/// Before, the escapes reached the terminal raw and the long line was copied whole into each.
/// </summary>
public sealed class HostileTextTests
{
    [Fact]
    public void EscapeSequencesAndHugeLinesInInputAreQuotedShortAndEscaped()
    {
        using var temp = new TempFolder();
        temp.Write("in/escapes.jsonl", "t\u001b[2J\u001b]0;PWNED\u0007\n");
        temp.Write("in/huge.jsonl", new string('t', 5_000_000) + "\n");
        temp.Write("in/good.jsonl", "{\"text\": \"an ordinary document of a few words\"}\n");
        string output = temp.PathOf("out");

        var run = CliRunner.Run("run", temp.PathOf("in"), "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
        Assert.Contains("\\x1B[2J", run.Stderr);
        Assert.All(run.Stderr.Split('\n'), line => Assert.True(line.Length <= 1_000, $"a stderr line of {line.Length:N0} characters"));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var details = report.RootElement.GetProperty("problem_examples").EnumerateArray().Select(p => p.GetProperty("detail").GetString()!).ToList();
        Assert.Equal(2, details.Count);
        Assert.All(details, d => Assert.True(d.Length <= 400 && !d.Contains('\u001b'), $"detail of {d.Length:N0} characters: {d[..Math.Min(d.Length, 80)]}"));
        Assert.True(new FileInfo(Path.Combine(output, "report.html")).Length < 1_000_000, "report.html holds the huge line");
        Assert.DoesNotContain('\u001b', File.ReadAllText(Path.Combine(output, "report.html")));
    }
}
