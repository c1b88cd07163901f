using System.Diagnostics;

namespace Dedup.Engine.Execution;

/// <summary>
/// Live counters of the stage running now, written by its tasks and read by whoever shows progress
/// (the CLI polls them on a timer, and hears when a stage starts and ends). A stage runs its tasks
/// one after another; each task says how much work it expects and adds what it has done, a batch at
/// a time, from any thread: writers use Interlocked/Volatile so a reader on another thread sees whole values.
/// It is also where those loops observe the stage's cancellation: every loop of a stage reports
/// here a batch at a time (a signed batch, a buffer of records read, a few thousand rows copied), so
/// <see cref="Add(long, long, long)"/> throws <see cref="OperationCanceledException"/> once the run is cancelled.
/// </summary>
public sealed class RunProgress
{
    private readonly Stopwatch clock = new();
    private CancellationToken cancellation;
    private string? stage;
    private bool running;
    private long items;
    private long bytes;
    private long work;
    private long expected;
    private int tasksDone;

    /// <summary>Raised when a stage starts, once its name, unit and tasks are set.</summary>
    public event Action? StageStarted;

    /// <summary>Raised when a stage has run all its tasks, with its counters final.</summary>
    public event Action? StageEnded;

    /// <summary>The stage running now or, between stages, the last one: signatures, buckets, cluster, filter.</summary>
    public string? Stage => Volatile.Read(ref stage);

    public bool Running => Volatile.Read(ref running);

    /// <summary>What <see cref="Items"/> counts in this stage: documents, band records...</summary>
    public string Unit { get; private set; } = string.Empty;

    /// <summary>The tasks of the stage this process runs, in order.</summary>
    public IReadOnlyList<int> Tasks { get; private set; } = [];

    /// <summary>The tasks the stage has in all, here and elsewhere.</summary>
    public int TaskCount { get; private set; }

    public long Items => Interlocked.Read(ref items);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Time since the stage started (its whole time once it ended).</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>
    /// How much of the stage is done, 0 to 1: its finished tasks, and the share of the current one's
    /// expected work done (none while that is not known yet). It reaches 1 when the work counted is
    /// done, which can be before the stage ends (a task still sorts or writes).
    /// </summary>
    public double Fraction
    {
        get
        {
            if (Tasks.Count == 0)
            {
                return 0;
            }

            long total = Interlocked.Read(ref expected);
            double current = total > 0 ? Math.Min(1, (double)Interlocked.Read(ref work) / total) : 0;
            return Math.Min(1, (Volatile.Read(ref tasksDone) + current) / Tasks.Count);
        }
    }

    /// <summary>Starts a stage, whose loops stop at their next batch once <paramref name="stop"/> is cancelled.</summary>
    public void StartStage(string name, string unit, IReadOnlyList<int> tasks, int taskCount, CancellationToken stop = default)
    {
        cancellation = stop;
        Unit = unit;
        Tasks = tasks;
        TaskCount = taskCount;
        Interlocked.Exchange(ref items, 0);
        Interlocked.Exchange(ref bytes, 0);
        Interlocked.Exchange(ref work, 0);
        Interlocked.Exchange(ref expected, 0);
        Volatile.Write(ref tasksDone, 0);
        Volatile.Write(ref stage, name);
        clock.Restart();
        Volatile.Write(ref running, true);
        StageStarted?.Invoke();
    }

    /// <summary>The current task's work, in the units its <see cref="Add(long, long, long)"/> calls count; said once it is known.</summary>
    public void Expect(long taskWork) => Interlocked.Exchange(ref expected, taskWork);

    /// <summary>Items done, and their bytes, which are also the work they count toward the task's expected work.</summary>
    public void Add(long doneItems, long doneBytes) => Add(doneItems, doneBytes, doneBytes);

    /// <summary>Items done, their bytes, and the work they count for when that is measured otherwise (signing counts the shard bytes behind its text).</summary>
    public void Add(long doneItems, long doneBytes, long doneWork)
    {
        cancellation.ThrowIfCancellationRequested();
        Interlocked.Add(ref items, doneItems);
        Interlocked.Add(ref bytes, doneBytes);
        Interlocked.Add(ref work, doneWork);
    }

    public void TaskDone()
    {
        // The current task's share is cleared before the task counts as done, so a reader in between sees too little, never too much.
        Interlocked.Exchange(ref expected, 0);
        Interlocked.Exchange(ref work, 0);
        Interlocked.Increment(ref tasksDone);
    }

    public void EndStage()
    {
        clock.Stop();
        Volatile.Write(ref running, false);
        StageEnded?.Invoke();
    }
}
