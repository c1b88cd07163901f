namespace Dedup.Engine.IO;

/// <summary>
/// Blocking waits over Parquet.Net's async-only API. Safe here: readers and filters run on plain background
/// threads without a synchronization context, so there is nothing a continuation could deadlock on.
/// </summary>
internal static class SyncOver
{
    public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    public static void Wait(Task task) => task.GetAwaiter().GetResult();

    public static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();
}
