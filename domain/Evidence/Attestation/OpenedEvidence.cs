namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>A parsed evidence envelope: the signed bytes (PAE), its signatures and the draft it states.</summary>
public sealed record OpenedEvidence(DsseEnvelope Envelope, byte[] SignedBytes, InTotoStatement Statement, EvidenceDraft Draft);
