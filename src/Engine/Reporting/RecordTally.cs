using Dedup.Engine.IO;

namespace Dedup.Engine.Reporting;

/// <summary>One record that was skipped or repaired, for the report and the warnings.</summary>
public sealed record RecordProblem(string File, long Row, string Reason, string Detail);

/// <summary>
/// Counts every record read by what happened to it, keeps the first problems as examples and
/// warns about them. Shards read in parallel each get a tally without a log, which
/// <see cref="Add"/> folds into the run's in shard order, so that the examples and warnings are
/// the same whatever the number of readers.
/// </summary>
public sealed class RecordTally(IRunLog? log, int examplesKept = 100, int warningsShown = 20)
{
    private readonly object gate = new();
    private readonly Dictionary<RecordStatus, long> byStatus = [];
    private readonly List<RecordProblem> examples = [];
    private readonly Dictionary<int, long> recordsByShard = [];

    public long Records { get; private set; }

    public long Problems { get; private set; }

    public IReadOnlyDictionary<RecordStatus, long> ByStatus => byStatus;

    public IReadOnlyList<RecordProblem> Examples => examples;

    /// <summary>Records read from the shard with this index.</summary>
    public long RecordsIn(int shard)
    {
        lock (gate)
        {
            return recordsByShard.GetValueOrDefault(shard);
        }
    }

    public static bool IsSigned(RecordStatus status) => status is RecordStatus.Ok or RecordStatus.Repaired;

    public static string ReasonName(RecordStatus status) => status switch
    {
        RecordStatus.Ok => "ok",
        RecordStatus.Repaired => "invalid_utf8_repaired",
        RecordStatus.BlankLine => "blank_line",
        RecordStatus.InvalidJson => "invalid_json",
        RecordStatus.MissingText => "missing_text",
        RecordStatus.TextNotString => "text_not_string",
        RecordStatus.EmptyText => "empty_text",
        RecordStatus.TooLarge => "too_large",
        _ => status.ToString(),
    };

    public void Count(Shard shard, long row, RecordStatus status, string? detail)
    {
        lock (gate)
        {
            Records++;
            recordsByShard[shard.Index] = recordsByShard.GetValueOrDefault(shard.Index) + 1;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            // Blank lines are counted but not worth a warning: they carry no document.
            if (status is RecordStatus.Ok or RecordStatus.BlankLine)
            {
                return;
            }

            Note(shard, new RecordProblem(shard.RelativePath, row, ReasonName(status), MessageText.Safe(detail ?? string.Empty)));
        }
    }

    /// <summary>Adds <paramref name="shardTally"/>, the tally of <paramref name="shard"/> alone, as if its records had been counted here.</summary>
    public void Add(RecordTally shardTally, Shard shard)
    {
        lock (gate)
        {
            Records += shardTally.Records;
            recordsByShard[shard.Index] = recordsByShard.GetValueOrDefault(shard.Index) + shardTally.RecordsIn(shard.Index);
            foreach (var (status, count) in shardTally.byStatus)
            {
                byStatus[status] = byStatus.GetValueOrDefault(status) + count;
            }

            // The shard's tally kept its first problems; those beyond them only count (their warnings were cut off too).
            foreach (var problem in shardTally.examples)
            {
                Note(shard, problem);
            }

            Problems += shardTally.Problems - shardTally.examples.Count;
        }
    }

    private void Note(Shard shard, RecordProblem problem)
    {
        Problems++;
        if (examples.Count < examplesKept)
        {
            examples.Add(problem);
        }

        if (log is null)
        {
            return;
        }

        if (Problems <= warningsShown)
        {
            string action = problem.Reason == ReasonName(RecordStatus.Repaired) ? "repaired" : "kept in the output but not deduplicated";
            log.Warning($"{shard.FullPath} row {problem.Row}: {problem.Detail} ({action})");
        }
        else if (Problems == warningsShown + 1)
        {
            log.Warning($"more records with problems follow; report.json counts them all");
        }
    }
}
