namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// A record as exported: its leaf index in the log (null when it is stored but not logged), its name, the leaf
/// hash the log holds (hex; null when not logged) and its stored bytes (null when the log names a missing record).
/// </summary>
public sealed record BundledRecord(long? Index, string Name, string? LeafHash, byte[]? Content);
