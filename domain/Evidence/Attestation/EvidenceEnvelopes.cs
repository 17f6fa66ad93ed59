using System.Text.Json;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>
/// Evidence drafts as signed in-toto statements: subject = the ticket and the action digest, predicate type =
/// the versioned kind, payload = the statement's canonical JSON (RFC 8785), envelope = DSSE, stored as canonical JSON.
/// </summary>
public static class EvidenceEnvelopes
{
    public static InTotoStatement Statement(EvidenceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var ticket = $"{draft.TicketSystem}/{draft.TicketId}";
        return new InTotoStatement(
            InTotoStatement.TypeV1,
            [
                new InTotoSubject("ticket:" + ticket, new Dictionary<string, string> { ["sha256"] = Digest.Sha256Hex(ticket) }),
                new InTotoSubject("action:" + draft.ActionId, new Dictionary<string, string> { ["sha256"] = StripAlgorithm(draft.ActionDigest) }),
            ],
            EvidenceKinds.PredicateType(draft.Kind),
            JsonSerializer.SerializeToElement(draft, JsonDefaults.Options));
    }

    /// <summary>The record as stored: canonical JSON of a DSSE envelope signed by <paramref name="signer"/>.</summary>
    public static async Task<byte[]> SealAsync(EvidenceDraft draft, ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var payload = CanonicalJson.Serialize(Statement(draft), JsonDefaults.Options);
        var signature = await signer.SignAsync(DsseEnvelope.PreAuthenticationEncoding(DsseEnvelope.InTotoPayloadType, payload), cancellationToken).ConfigureAwait(false);
        var envelope = new DsseEnvelope(DsseEnvelope.InTotoPayloadType, Convert.ToBase64String(payload), [new DsseSignature(signer.KeyId, Convert.ToBase64String(signature))]);
        return CanonicalJson.Serialize(envelope, JsonDefaults.Options);
    }

    /// <summary>The chain link of a stored record: SHA-256 over its exact bytes.</summary>
    public static string RecordDigest(ReadOnlySpan<byte> stored) => "sha256:" + Digest.Sha256Hex(stored);

    /// <summary>Parses a stored record; a <see cref="FormatException"/> says why it is not one.</summary>
    public static OpenedEvidence Open(ReadOnlySpan<byte> stored)
    {
        DsseEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<DsseEnvelope>(stored, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException("not a DSSE envelope: " + ex.Message, ex);
        }

        if (envelope is null || envelope.Payload is null || envelope.Signatures is null || envelope.Signatures.Count == 0)
        {
            throw new FormatException("not a DSSE envelope: payload or signatures missing");
        }

        if (!string.Equals(envelope.PayloadType, DsseEnvelope.InTotoPayloadType, StringComparison.Ordinal))
        {
            throw new FormatException($"unexpected payload type '{envelope.PayloadType}'");
        }

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(envelope.Payload);
        }
        catch (FormatException ex)
        {
            throw new FormatException("payload is not base64", ex);
        }

        InTotoStatement? statement;
        EvidenceDraft? draft;
        try
        {
            statement = JsonSerializer.Deserialize<InTotoStatement>(payload, JsonDefaults.Options);
            draft = statement is null ? null : statement.Predicate.Deserialize<EvidenceDraft>(JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException("payload is not an evidence statement: " + ex.Message, ex);
        }

        if (statement is null || draft is null || !string.Equals(statement.Type, InTotoStatement.TypeV1, StringComparison.Ordinal))
        {
            throw new FormatException("payload is not an in-toto Statement v1");
        }

        if (!string.Equals(statement.PredicateType, EvidenceKinds.PredicateType(draft.Kind), StringComparison.Ordinal))
        {
            throw new FormatException($"predicate type '{statement.PredicateType}' does not match kind '{draft.Kind}'");
        }

        return new OpenedEvidence(envelope, DsseEnvelope.PreAuthenticationEncoding(envelope.PayloadType, payload), statement, draft);
    }

    /// <summary>Checks every signature on the envelope; at least one, and all must verify with a known key.</summary>
    public static bool VerifySignatures(OpenedEvidence opened, KeyRing keys, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var signature in opened.Envelope.Signatures)
        {
            if (!keys.Contains(signature.KeyId))
            {
                problem = $"signed by unknown key '{signature.KeyId}'";
                return false;
            }

            byte[] sig;
            try
            {
                sig = Convert.FromBase64String(signature.Sig);
            }
            catch (FormatException)
            {
                problem = "signature is not base64";
                return false;
            }

            if (!keys.Verify(signature.KeyId, SignatureAlgorithms.Es256, opened.SignedBytes, sig))
            {
                problem = $"signature by '{signature.KeyId}' does not verify";
                return false;
            }
        }

        problem = null;
        return true;
    }

    static string StripAlgorithm(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? digest[(colon + 1)..] : digest;
    }

}
