namespace Dedup.Reliability;

/// <summary>A fuzz property did not hold for one input; the message says which property and what happened.</summary>
public sealed class PropertyViolation(string message, Exception? innerException = null, bool threadLeftRunning = false) : Exception(message, innerException)
{
    /// <summary>
    /// The case hung inside this process: its thread cannot be stopped and goes on taking a core, so
    /// <see cref="FuzzTarget"/> runs no further case after it (a child process that hangs is killed instead).
    /// </summary>
    public bool ThreadLeftRunning { get; } = threadLeftRunning;

    /// <summary>Throws a violation saying <paramref name="what"/> unless <paramref name="holds"/>.</summary>
    public static void Unless(bool holds, string what)
    {
        if (!holds)
        {
            throw new PropertyViolation(what);
        }
    }

    /// <summary>Waits for <paramref name="work"/>; throws a violation that says it hung unless it ends within <paramref name="timeout"/>.</summary>
    public static T Within<T>(Task<T> work, TimeSpan timeout, string what) =>
        work.Wait(timeout) ? work.Result : throw new PropertyViolation($"{what} took longer than {timeout.TotalSeconds:N0} s (a hang?)", threadLeftRunning: true);
}
