namespace Dedup.Kernels.Backends;

/// <summary>A backend was asked for explicitly but cannot run here; the message says why.</summary>
public sealed class BackendUnavailableException(string message) : Exception(message);
