namespace Dedup.Engine;

/// <summary>Where the engine says what it is doing; the CLI prints it, tests collect it.</summary>
public interface IRunLog
{
    void Info(string message);

    void Warning(string message);
}
