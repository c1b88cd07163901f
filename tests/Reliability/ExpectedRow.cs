using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>
/// What a reader must make of one row of a generated (not mutated) shard. A null member is not known in
/// advance (the status of random bytes, the id of a record without one) and is not checked.
/// </summary>
/// <param name="Text">The record's text as UTF-8, for Ok rows.</param>
public sealed record ExpectedRow(RecordStatus? Status, string? Id = null, byte[]? Text = null);
