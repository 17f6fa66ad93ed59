namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// How far a log was fully verified: every record under the signed checkpoint of <see cref="TreeSize"/> with root
/// <see cref="RootHash"/> (base64) had its place, chain and format checked and no problem. A later verification
/// that finds the same signed checkpoint and recomputes the same root from the records' bytes knows those bytes are
/// the ones checked before, so it recomputes only their leaf hashes; records after it are checked in full.
/// </summary>
public sealed record VerifiedWatermark(string LogId, long TreeSize, string RootHash);
