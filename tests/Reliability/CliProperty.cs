using System.Text.Json;
using System.Text.RegularExpressions;
using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>
/// What <c>dedup run</c> must do with any corpus: end in time with exit 0 or 2, print no stack trace and no
/// unbounded or unescaped line, leave its inputs as they were, leave nothing beside OUT, fail on a shard
/// the reader cannot read; and on success account for every row of every shard: report.json's counts add
/// up, each output shard holds exactly the rows not listed in removed/, each as it was, and removed/ names
/// the ids that were at its rows.
/// </summary>
public static partial class CliProperty
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A message is cut at <see cref="MessageText.MessageChars"/>; the line adds "dedup: warning: " and the like.</summary>
    public const int MaxLineChars = MessageText.MessageChars + 100;

    /// <summary>Checks <paramref name="test"/> in <paramref name="folder"/>; returns how the run ended, for the counts.</summary>
    public static string Check(CliCase test, string folder)
    {
        string input = Path.Combine(folder, "in");
        var paths = test.Shards.Select((s, i) => s.WriteTo(input, $"s{i}")).ToArray();
        var before = InputFiles.Hashes(input);
        string target = Path.Combine(folder, "target");
        Directory.CreateDirectory(target);
        string output = Path.Combine(target, "out");
        string[] args =
        [
            "run", input, "-o", output, "--device", "cpu", "--threads", "1",
            .. test.Strict ? ["--strict"] : Array.Empty<string>(),
            .. test.RunFolder ? ["--run-dir", Path.Combine(folder, "run")] : Array.Empty<string>(),
        ];

        var run = DedupProcess.Run(args, Timeout);
        PropertyViolation.Unless(!run.TimedOut, $"dedup {string.Join(' ', args)} did not end in {Timeout.TotalSeconds:N0} s (a hang?)");
        InputFiles.Unchanged(input, before, "dedup run");
        PropertyViolation.Unless(run.ExitCode is 0 or 2, $"dedup exited {run.ExitCode}, not 0 or 2:\n{Excerpt(run.Stderr)}");
        CheckPrinted(run.Stderr, "stderr");
        CheckPrinted(run.Stdout, "stdout");
        // The engine's own reader is the oracle; read after the run, so that a shard that hangs both is reported as the run's hang.
        var readouts = paths.Select(p => ShardReadout.Of(p, ReaderProperty.Timeout)).ToArray();
        string[] beside = [.. Directory.GetFileSystemEntries(target).Select(e => Path.GetFileName(e)!)];
        string[] expected = run.ExitCode == 0 ? ["out"] : [];
        PropertyViolation.Unless(beside.SequenceEqual(expected), $"after exit {run.ExitCode} the folder of OUT holds [{string.Join(", ", beside)}], not [{string.Join(", ", expected)}]");
        var unreadable = readouts.FirstOrDefault(r => !r.Completed);
        PropertyViolation.Unless(run.ExitCode == 2 || unreadable is null, $"dedup exited 0 although {unreadable?.Shard.FullPath} cannot be read: {unreadable?.Error?.Message}");
        if (run.ExitCode == 0)
        {
            CheckOutput(output, readouts);
        }

        return $"exit {run.ExitCode}";
    }

    /// <summary>No stack trace, no line longer than <see cref="MaxLineChars"/>, no control character but the line break (an ESC would reach the terminal).</summary>
    public static void CheckPrinted(string text, string stream)
    {
        PropertyViolation.Unless(!text.Contains("Unhandled exception", StringComparison.Ordinal) && !StackFrame().IsMatch(text), $"{stream} holds a stack trace:\n{Excerpt(text)}");
        foreach (string line in text.Split('\n'))
        {
            PropertyViolation.Unless(line.Length <= MaxLineChars, $"{stream} has a line of {line.Length} characters: {MessageText.Safe(line)}");
            PropertyViolation.Unless(!line.Any(c => char.IsControl(c) && c != '\t'), $"{stream} has a control character in: {MessageText.Safe(line)}");
        }
    }

    private static void CheckOutput(string output, ShardReadout[] inputs)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "report.json")));
        var documents = report.RootElement.GetProperty("documents");
        long records = documents.GetProperty("records").GetInt64();
        long removed = documents.GetProperty("removed").GetInt64();
        long skipped = documents.GetProperty("skipped").EnumerateObject().Sum(p => p.Value.GetInt64());
        PropertyViolation.Unless(records == inputs.Sum(r => r.Rows.Count), $"report.json counts {records} records; the shards hold {inputs.Sum(r => r.Rows.Count)} rows");
        PropertyViolation.Unless(documents.GetProperty("kept").GetInt64() + removed == records, "report.json: kept + removed is not the records");
        PropertyViolation.Unless(documents.GetProperty("signed").GetInt64() + skipped == records, "report.json: signed + skipped is not the records");
        var shards = report.RootElement.GetProperty("inputs").GetProperty("shards").EnumerateArray().ToDictionary(s => s.GetProperty("path").GetString()!);
        PropertyViolation.Unless(shards.Count == inputs.Length, $"report.json lists {shards.Count} shards, not {inputs.Length}");
        PropertyViolation.Unless(shards.Values.Sum(s => s.GetProperty("removed").GetInt64()) == removed, "report.json: the shards' removed rows do not add up to the documents removed");
        foreach (var input in inputs)
        {
            string name = input.Shard.RelativePath;
            PropertyViolation.Unless(shards.TryGetValue(name, out var shard), $"report.json does not list {name}");
            PropertyViolation.Unless(shard.GetProperty("records").GetInt64() == input.Rows.Count, $"report.json counts {shard.GetProperty("records")} records in {name}; it has {input.Rows.Count} rows");
            CheckShard(output, input, RemovedRows(output, name, input));
        }
    }

    /// <summary>The rows removed/ lists for a shard, each checked to hold the id the entry names.</summary>
    private static HashSet<long> RemovedRows(string output, string name, ShardReadout input)
    {
        string file = Path.Combine(output, "removed", name + ".removed.jsonl");
        var rows = new HashSet<long>();
        foreach (string line in File.Exists(file) ? File.ReadLines(file) : [])
        {
            using var entry = JsonDocument.Parse(line);
            long row = entry.RootElement.GetProperty("row").GetInt64();
            string id = entry.RootElement.GetProperty("id").GetString()!;
            PropertyViolation.Unless(row >= 0 && row < input.Rows.Count && input.Rows[(int)row].Id == id, $"removed/{name} lists id '{id}' at row {row}, which holds {(row >= 0 && row < input.Rows.Count ? $"'{input.Rows[(int)row].Id}'" : "nothing")}");
            PropertyViolation.Unless(rows.Add(row), $"removed/{name} lists row {row} twice");
        }

        return rows;
    }

    private static void CheckShard(string output, ShardReadout input, HashSet<long> removed)
    {
        string name = input.Shard.RelativePath;
        var copy = ShardReadout.Of(Path.Combine(output, name), ReaderProperty.Timeout);
        PropertyViolation.Unless(copy.Completed, $"the output shard {name} does not read: {copy.Error?.Message}");
        string[] kept = [.. input.Rows.Where(r => !removed.Contains(r.Row)).Select(r => r.Print(name))];
        string[] read = [.. copy.Rows.Select(r => r.Print(name))];
        PropertyViolation.Unless(kept.SequenceEqual(read), $"the output shard {name} holds {read.Length} rows that are not the {kept.Length} rows of the input that removed/ does not list");
    }

    private static string Excerpt(string text) => MessageText.Safe(text, 2000);

    /// <summary>A .NET stack frame line: "   at Namespace.Type.Method(...)".</summary>
    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
