using System.Globalization;

namespace AgentTrust.Domain.Evidence;

/// <summary>
/// The one name of each record, <c>records/{agent}/{action}/{sequence:D4}-{kind}.json</c>: a retry maps to the same
/// name, and a verifier can tell from a record's content where it must be stored.
/// </summary>
public static class EvidenceRecordNames
{
    public const string Prefix = "records/";

    public static string For(EvidenceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return For(draft.AgentId, draft.ActionId, draft.Sequence, draft.Kind);
    }

    public static string For(string agentId, string actionId, int sequence, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{agentId}/{actionId}/{sequence:D4}-{kind}.json");
}
