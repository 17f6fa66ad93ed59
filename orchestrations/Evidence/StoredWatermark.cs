using AgentTrust.Domain.Evidence.Verification;
using Azure;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>A persisted verified watermark and the ETag it was read with (to replace or drop it only if unchanged).</summary>
public sealed record StoredWatermark(VerifiedWatermark Watermark, DateTimeOffset VerifiedAt, ETag ETag);
