using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>An in-toto Statement v1: subjects (the ticket and the action) and a typed, versioned predicate.</summary>
public sealed record InTotoStatement(
    [property: JsonPropertyName("_type")] string Type,
    IReadOnlyList<InTotoSubject> Subject,
    string PredicateType,
    JsonElement Predicate)
{
    public const string TypeV1 = "https://in-toto.io/Statement/v1";
}
