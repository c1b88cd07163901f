namespace Dedup.Kernels.Backends;

/// <summary>The backend that will run and why it was chosen, in words for the user.</summary>
public sealed record BackendChoice(ISignatureBackend Backend, string Reason);
