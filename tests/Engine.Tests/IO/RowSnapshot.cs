using Dedup.Engine.IO;

namespace Dedup.Engine.Tests.IO;

/// <summary>Everything a reader reported for one row, copied out so that it outlives the next Read.</summary>
internal sealed record RowSnapshot(long Row, RecordStatus Status, string Id, string Text, string? Problem);
