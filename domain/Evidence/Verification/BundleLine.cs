using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// One line of a bundle file (NDJSON). <c>type</c> is <c>bundle</c> (the header, with <c>format</c>), <c>key</c>,
/// <c>checkpoint</c> (with <c>log</c>) or <c>record</c> (with <c>log</c>, <c>index</c> (absent when not logged),
/// <c>name</c>, <c>leafHash</c>, and <c>content</c>: the stored bytes in base64, absent when the record is missing).
/// </summary>
public sealed record BundleLine(
    string Type,
    string? Format = null,
    PublicKeyEntry? Key = null,
    string? Log = null,
    Checkpoint? Checkpoint = null,
    long? Index = null,
    string? Name = null,
    string? LeafHash = null,
    byte[]? Content = null);
