namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>Keeps what the engine said, for assertions.</summary>
public sealed class CollectingLog : IRunLog
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToList();
            }
        }
    }

    public void Info(string message)
    {
        lock (lines)
        {
            lines.Add(message);
        }
    }

    public void Warning(string message)
    {
        lock (lines)
        {
            lines.Add("warning: " + message);
        }
    }
}
