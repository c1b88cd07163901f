using System.Runtime.ExceptionServices;

namespace Dedup.Engine.Execution;

/// <summary>
/// Parallel loops of the stages that fail with the first error itself, not an AggregateException:
/// a damaged file or a bad shard fails every thread that meets it, and one message says it.
/// </summary>
internal static class ParallelWork
{
    public static void For(int count, int threads, Action<int> body, CancellationToken cancellation = default) =>
        Unwrapped(() => Parallel.For(0, count, Options(threads, cancellation), body));

    public static void ForEach<T>(IEnumerable<T> items, int threads, Action<T> body, CancellationToken cancellation = default) =>
        Unwrapped(() => Parallel.ForEach(items, Options(threads, cancellation), body));

    private static ParallelOptions Options(int threads, CancellationToken cancellation) =>
        new() { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancellation };

    private static void Unwrapped(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
