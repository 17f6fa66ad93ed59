using System.Text.Json;

namespace AgentTrust.Domain.Evidence;

/// <summary>
/// One step of a governed action to be recorded. The workflow fixes its position (<paramref name="Sequence"/>) and
/// the digest of the record before it, so records of one action form a hash chain however often a write is retried.
/// </summary>
public sealed record EvidenceDraft(
    string ActionId,
    int Sequence,
    string Kind,
    string AgentId,
    string Lane,
    string TicketSystem,
    string TicketId,
    string ActionDigest,
    string? PreviousDigest,
    DateTimeOffset OccurredAt,
    JsonElement Payload);
