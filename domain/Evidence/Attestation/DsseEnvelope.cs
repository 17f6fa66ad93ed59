using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>
/// A DSSE envelope: the payload (base64 of the statement's canonical JSON), its type, and signatures over the
/// pre-authentication encoding, so a signature can never be replayed as a signature over another payload type.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, string Payload, IReadOnlyList<DsseSignature> Signatures)
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body (DSSE protocol).</summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var typeBytes = Encoding.UTF8.GetBytes(payloadType);
        var header = string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {typeBytes.Length} {payloadType} {payload.Length} ");
        var headerBytes = Encoding.UTF8.GetBytes(header);
        var result = new byte[headerBytes.Length + payload.Length];
        headerBytes.CopyTo(result, 0);
        payload.CopyTo(result.AsSpan(headerBytes.Length));
        return result;
    }
}
