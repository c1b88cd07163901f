namespace Dedup.Engine.Reporting;

/// <summary>
/// At most <paramref name="capacity"/> evenly spaced items of a stream: every item until it is
/// full, then every other kept item is dropped and only every second one after is taken, and so
/// on. Deterministic, and bounded whatever the stream's length (report.html's plots use it).
/// </summary>
public sealed class EvenSample<T>(int capacity = 1 << 16)
{
    private readonly List<T> items = [];
    private long seen;
    private long stride = 1;

    public void Add(T item)
    {
        if (seen++ % stride != 0)
        {
            return;
        }

        if (items.Count == capacity)
        {
            for (int i = 0; i < items.Count / 2; i++)
            {
                items[i] = items[2 * i];
            }

            items.RemoveRange(items.Count / 2, items.Count - (items.Count / 2));
            stride *= 2;
            if ((seen - 1) % stride != 0)
            {
                return;
            }
        }

        items.Add(item);
    }

    public T[] ToArray() => [.. items];
}
