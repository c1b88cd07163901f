using Dedup.Engine.Execution;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.RunFiles;

/// <summary>This run's signed documents in dense order, i.e. (shard, row) order, read task after task (counted by <paramref name="progress"/> as they are read).</summary>
public sealed class DocumentStream(RunSet runs, RunProgress progress, int bufferBytes = MemoryBudget.StreamBufferBytes) : IDisposable
{
    private int task = -1;
    private RecordReader<DocumentRecord>? reader;

    public DocumentRecord Current { get; private set; }

    public bool MoveNext()
    {
        while (reader is null || !reader.MoveNext())
        {
            if (++task == runs.SignatureMarkers(0).Count)
            {
                return false;
            }

            var file = runs.File<DocumentRecord>(0, task, RunFileNames.Documents);
            reader = new RecordReader<DocumentRecord>(file, 0, file.Count, bufferBytes, progress: progress);
        }

        Current = reader.Current;
        return true;
    }

    /// <summary>The next document; the caller knows there is one.</summary>
    public DocumentRecord Next() =>
        MoveNext() ? Current : throw new IntermediateFileException(runs.This.Path, "the signature tasks hold fewer documents than their done.json files count");

    public void Dispose() => reader?.Dispose();
}
