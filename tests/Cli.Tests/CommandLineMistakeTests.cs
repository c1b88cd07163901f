namespace Dedup.Cli.Tests;

/// <summary>A newcomer's mistakes: each is one clear error line, the right exit code, and nothing written.</summary>
public sealed class CommandLineMistakeTests : IDisposable
{
    private const string Doc = "the quick brown fox jumps over the lazy dog while the cat sleeps in the warm sun";
    private readonly TempFolder temp = new();

    public CommandLineMistakeTests() => temp.Write("in/a.jsonl", BadInputTests.Line("a", Doc));

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("--treshold", "0.7")]
    [InlineData("--threshhold=0.7")]
    public void MisspeltOptionIsNamedWithTheNearestOne(params string[] mistake)
    {
        var r = CliRunner.Run(["run", temp.PathOf("in"), "-o", temp.PathOf("out"), .. mistake]);
        string typed = mistake[0].Split('=')[0];
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"dedup: error: unknown option '{typed}'; did you mean '--threshold'?\ndedup: try 'dedup run --help'\n", r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void MisspeltOptionOfEvalIsNamedWithTheNearestOne()
    {
        // Before OUT, the misspelt option would have been taken for OUT.
        var r = CliRunner.Run("eval", "--exact-jacard", temp.PathOf("out"));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("dedup: error: unknown option '--exact-jacard'; did you mean '--exact-jaccard'?\ndedup: try 'dedup eval --help'\n", r.Stderr);
    }

    [Theory]
    [InlineData("run", "IN", "-o", "OUT")]
    [InlineData("plan", "IN", "--run-dir", "RUN")]
    [InlineData("signatures", "--run-dir", "RUN")]
    [InlineData("buckets", "--run-dir", "RUN")]
    [InlineData("cluster", "--run-dir", "RUN")]
    [InlineData("filter", "--run-dir", "RUN")]
    [InlineData("slurm", "submit", "IN", "--run-dir", "RUN")]
    [InlineData("slurm", "status", "RUN")]
    [InlineData("eval", "OUT", "--exact-jaccard")]
    [InlineData("inspect", "OUT", "--cluster", "0")]
    [InlineData("devices")]
    public void EveryCommandRefusesAnUnknownOption(params string[] command)
    {
        var r = CliRunner.Run([.. Paths(command), "--bogus-option"]);
        string help = string.Join(' ', command.TakeWhile(a => a.All(char.IsLower)));
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("dedup: error: unknown option '--bogus-option'", lines[0]);
        Assert.Equal($"dedup: try 'dedup {help} --help'", lines[1]);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void AnInputThatStartsWithADashGoesAfterTwoDashes()
    {
        temp.Write("-data/a.jsonl", BadInputTests.Line("a", Doc) + BadInputTests.Line("b", Doc));

        var refused = CliRunner.RunIn(temp.Root, "run", "-data", "-o", "out", "--device", "cpu");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("dedup: error: unknown option '-data' (a path that starts with '-' goes after '--').", refused.Stderr);

        var r = CliRunner.RunIn(temp.Root, "run", "-o", "out", "--device", "cpu", "--", "-data");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("removed 1 documents", r.Stdout);
    }

    [Theory]
    [InlineData("dedup: error: --threshold: 'abc' is not a number.", "run", "IN", "-o", "OUT", "--threshold", "abc")]
    [InlineData("dedup: error: --bands: '2.5' is not a whole number.", "run", "IN", "-o", "OUT", "--bands", "2.5", "--rows", "4")]
    [InlineData("dedup: error: --seed: '-1' is not a whole number of 0 or more.", "plan", "IN", "--run-dir", "RUN", "--seed", "-1")]
    [InlineData("dedup: error: --task-index: 'first' is not a whole number.", "signatures", "--run-dir", "RUN", "--task-index", "first")]
    [InlineData("dedup: error: Option '--output' is required.", "run", "IN")]
    [InlineData("dedup: error: unknown command 'runn'; did you mean 'run'?", "runn", "IN")]
    public void ParseErrorsAreOneLineAndAHint(string error, params string[] command)
    {
        var r = CliRunner.Run(Paths(command));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal([error, $"dedup: try 'dedup {(command[0] == "runn" ? string.Empty : command[0] + " ")}--help'"], r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("System.", r.Stderr);
        Assert.Empty(r.Stdout);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void MissingTextFieldStopsBeforeAnythingIsWritten()
    {
        string shard = temp.PathOf("in/a.jsonl");
        var run = CliRunner.Run("run", temp.PathOf("in"), "-o", temp.PathOf("out"), "--text-field", "body", "--device", "cpu");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"dedup: error: --text-field body: {shard}: no such field in its first record (its fields: 'id', 'text'). Give the field that holds the text; names are case-sensitive.\n", run.Stderr);

        var plan = CliRunner.Run("plan", temp.PathOf("in"), "--run-dir", temp.PathOf("run"), "--text-field", "text,body");
        Assert.Equal(2, plan.ExitCode);
        Assert.Contains($"--text-field body: {shard}", plan.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void AnIdFieldIsCheckedWhenItIsNamed()
    {
        temp.Write("noid/a.jsonl", "{\"text\":\"" + Doc + "\"}\n");
        var named = CliRunner.Run("run", temp.PathOf("noid"), "-o", temp.PathOf("out"), "--id-field", "id", "--device", "cpu");
        Assert.Equal(2, named.ExitCode);
        Assert.StartsWith($"dedup: error: --id-field id: {temp.PathOf("noid/a.jsonl")}: no such field in its first record (its fields: 'text').", named.Stderr);
        Assert.Equal(["in", "noid"], temp.Entries());

        var byDefault = CliRunner.Run("run", temp.PathOf("noid"), "-o", temp.PathOf("out"), "--device", "cpu");
        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
    }

    [Theory]
    [InlineData("run", "MISSING", "-o", "OUT")]
    [InlineData("plan", "MISSING", "--run-dir", "RUN")]
    [InlineData("signatures", "--run-dir", "MISSING")]
    [InlineData("buckets", "--run-dir", "MISSING")]
    [InlineData("cluster", "--run-dir", "MISSING")]
    [InlineData("filter", "--run-dir", "MISSING")]
    [InlineData("slurm", "submit", "--run-dir", "MISSING")]
    [InlineData("slurm", "status", "MISSING")]
    [InlineData("run", "IN", "-o", "OUT", "--against", "MISSING")]
    [InlineData("eval", "MISSING", "--exact-jaccard")]
    [InlineData("inspect", "MISSING", "--cluster", "0")]
    [InlineData("inspect", "IN", "--cluster", "0")]
    public void AMissingPathToReadFailsAlike(params string[] command)
    {
        var r = CliRunner.Run(Paths(command));
        Assert.Equal(ExitCodes.Failure, r.ExitCode);
        Assert.Contains(temp.PathOf(command.Contains("MISSING") ? "missing" : "in"), r.Stderr);
        Assert.Equal(["in"], temp.Entries());
    }

    [Fact]
    public void HelpStatesTheExitCodesOnce()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(ExitCodes.Description.ReplaceLineEndings().Split(Environment.NewLine)[0], r.Stdout);
        Assert.DoesNotContain("Exit codes", CliRunner.Run("run", "--help").Stdout);
    }

    /// <summary>The command line with its placeholders (IN: a corpus; OUT, RUN, MISSING: paths that do not exist) made paths in the temp folder.</summary>
    private string[] Paths(string[] command) => [.. command.Select(a => a is "IN" or "OUT" or "RUN" or "MISSING" ? temp.PathOf(a.ToLowerInvariant()) : a)];
}
