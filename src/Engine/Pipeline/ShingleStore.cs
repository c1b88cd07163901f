using Microsoft.Win32.SafeHandles;

namespace Dedup.Engine.Pipeline;

/// <summary>
/// Every signed document's set of shingle values (sorted, distinct), spilled to a temporary file
/// so that exact verification needs neither the text again nor memory in proportion to the
/// corpus: only an 8-byte offset per document stays in memory.
/// </summary>
public sealed class ShingleStore : IDisposable
{
    private readonly FileStream file;
    private readonly List<long> starts = [0];
    private uint[] scratch = new uint[4096];

    public ShingleStore(string path)
    {
        file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
    }

    public int Count => starts.Count - 1;

    /// <summary>Appends the next document's shingle values (any order, repeats allowed).</summary>
    public void Add(ReadOnlySpan<uint> shingles)
    {
        if (scratch.Length < shingles.Length)
        {
            scratch = new uint[Math.Max(shingles.Length, scratch.Length * 2)];
        }

        var set = scratch.AsSpan(0, shingles.Length);
        shingles.CopyTo(set);
        set.Sort();
        int distinct = 0;
        for (int i = 0; i < set.Length; i++)
        {
            if (i == 0 || set[i] != set[i - 1])
            {
                set[distinct++] = set[i];
            }
        }

        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set[..distinct]));
        starts.Add(starts[^1] + (distinct * sizeof(uint)));
    }

    /// <summary>Makes everything added readable; call once, after the last <see cref="Add"/>.</summary>
    public void Seal() => file.Flush();

    /// <summary>|A ∩ B| / |A ∪ B| of two documents' shingle sets; thread-safe after <see cref="Seal"/>.</summary>
    public double ExactJaccard(int a, int b)
    {
        var x = Read(a);
        var y = Read(b);
        if (x.Length + y.Length == 0)
        {
            return 1;
        }

        int common = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (x.Length + y.Length - common);
    }

    public void Dispose() => file.Dispose();

    private uint[] Read(int document)
    {
        long start = starts[document];
        var values = new uint[(starts[document + 1] - start) / sizeof(uint)];
        SafeFileHandle handle = file.SafeFileHandle;
        RandomAccess.Read(handle, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()), start);
        return values;
    }
}
