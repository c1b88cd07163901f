namespace Dedup.Kernels.Text;

/// <summary>Bytes of a batch, however they are held (a managed array, a device view).</summary>
public interface IByteSource
{
    /// <summary>The byte at <paramref name="index"/>, or 0 at or past <paramref name="end"/>.</summary>
    uint ByteAt(long index, long end);
}

/// <summary>The folding table, however it is held.</summary>
public interface IFoldSource
{
    uint Entry(int codePoint);
}

/// <summary>Receives the token hashes of one document in order.</summary>
public interface ITokenSink
{
    void Add(ulong tokenHash);
}
