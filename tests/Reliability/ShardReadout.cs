using Dedup.Engine.IO;

namespace Dedup.Reliability;

/// <summary>
/// A whole read of one shard with the engine's reader: every row, and how the read ended (at the end, with
/// its content hash, or with an exception). Only <see cref="ShardReadException"/> and <see cref="InputException"/>
/// are documented ways for a read to fail; any other exception, or a read that takes longer than the
/// timeout, is a <see cref="PropertyViolation"/>.
/// </summary>
public sealed record ShardReadout(Shard Shard, IReadOnlyList<ReadRow> Rows, ulong? ContentHash, Exception? Error)
{
    public static readonly ReaderOptions Options = new(["text"], "id");

    public bool Completed => Error is null;

    public static ShardReadout Of(string path, TimeSpan timeout)
    {
        var shard = ShardDiscovery.Discover([path])[0];
        var readout = PropertyViolation.Within(Task.Run(() => Read(shard)), timeout, $"reading {path}");
        if (readout.Error is not null and not (ShardReadException or InputException))
        {
            throw new PropertyViolation($"reading {path} threw {readout.Error.GetType().Name}, which is not a documented failure of a reader: {readout.Error}", readout.Error);
        }

        return readout;
    }

    private static ShardReadout Read(Shard shard)
    {
        var rows = new List<ReadRow>();
        try
        {
            using var reader = ShardReaders.Open(shard, Options);
            while (reader.Read())
            {
                rows.Add(new ReadRow(reader.Row, reader.Status, reader.Id, reader.Text.ToArray(), reader.Problem));
            }

            return new ShardReadout(shard, rows, reader.ContentHash, null);
        }
        catch (Exception e)
        {
            return new ShardReadout(shard, rows, null, e);
        }
    }
}
