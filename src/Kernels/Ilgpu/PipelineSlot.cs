using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// One of the two parts <see cref="IlgpuBackend"/> keeps in flight: a stream of its own, the
/// device and page-locked host buffers of the part, and which documents of the batch it holds.
/// Everything for a part (copies in, kernels, copies out) is queued on the slot's stream, so the
/// other slot's part can use the copy engines and the GPU meanwhile.
/// </summary>
internal sealed class PipelineSlot(Accelerator accelerator) : IDisposable
{
    private ProfilingMarker? kernelsStart;
    private ProfilingMarker? kernelsEnd;

    public AcceleratorStream Stream { get; } = accelerator.CreateStream();

    public DeviceBuffers Device { get; } = new(accelerator);

    public PinnedBuffers Host { get; } = new(accelerator);

    /// <summary>Whether a part is queued whose results have not been collected.</summary>
    public bool Busy { get; private set; }

    /// <summary>The part's first document in the batch.</summary>
    public int FirstDocument { get; private set; }

    public int Documents { get; private set; }

    /// <summary>Where the part's text starts in the batch's text, relative to the batch's first document.</summary>
    public int TextStart { get; private set; }

    public int Bytes { get; private set; }

    public bool CaptureShingles { get; private set; }

    public void Hold(int firstDocument, int documents, int textStart, int bytes, bool captureShingles)
    {
        FirstDocument = firstDocument;
        Documents = documents;
        TextStart = textStart;
        Bytes = bytes;
        CaptureShingles = captureShingles;
        Busy = true;
    }

    /// <summary>Marks the start of the part's kernels on the stream when the context profiles (the bench's kernel timing).</summary>
    public void MarkKernelsStart()
    {
        if (accelerator.Context.Properties.EnableProfiling)
        {
            kernelsStart = Stream.AddProfilingMarker();
        }
    }

    public void MarkKernelsEnd()
    {
        if (accelerator.Context.Properties.EnableProfiling)
        {
            kernelsEnd = Stream.AddProfilingMarker();
        }
    }

    /// <summary>Waits for the part; returns the device time of its kernels (zero without profiling).</summary>
    public TimeSpan Wait()
    {
        Stream.Synchronize();
        var kernels = kernelsStart is not null && kernelsEnd is not null ? kernelsEnd.MeasureFrom(kernelsStart) : TimeSpan.Zero;
        kernelsStart?.Dispose();
        kernelsEnd?.Dispose();
        kernelsStart = null;
        kernelsEnd = null;
        return kernels;
    }

    /// <summary>The part's results are collected.</summary>
    public void Release() => Busy = false;

    /// <summary>
    /// After a failure: waits for whatever is still queued (so that no copy writes into the
    /// host buffers the next batch fills) and forgets the part.
    /// </summary>
    public void Abandon()
    {
        Busy = false;
        try
        {
            Stream.Synchronize();
        }
        catch (Exception)
        {
            // The failure that got us here is the one to report; a broken stream says no more.
        }
    }

    public void Dispose()
    {
        kernelsStart?.Dispose();
        kernelsEnd?.Dispose();
        Host.Dispose();
        Device.Dispose();
        Stream.Dispose();
    }
}
