namespace Dedup.Engine.RunFiles;

/// <summary>An intermediate file of a run that is damaged or missing: an error, never a wrong answer.</summary>
public sealed class IntermediateFileException(string path, string problem)
    : IOException($"{path} is damaged: {problem}. Delete the task folder that holds it and run that task again.")
{
    public string FilePath { get; } = path;
}
