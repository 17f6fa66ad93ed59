using System.Globalization;
using System.Text;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// The note left on the ticket: which action, which decision under which pact, who approved it, and where the
/// evidence is, so anyone reading the ticket can find and verify why it changed. Never the secrets or the payload.
/// </summary>
public static class WorkNote
{
    public static string For(WriteBackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        var how = request.Status == ActionStatus.Approved
            ? $"approved by {request.Approver ?? "an approver"}"
            : "applied autonomously";
        text.Append(CultureInfo.InvariantCulture, $"[AgentTrust] Action {request.ActionId} ({request.ActionType}) by agent {request.AgentId} in lane {request.Lane}, {how}.\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Decision: {Name(request.Decision.Kind)} under pact v{request.Decision.PactVersion} ({request.Decision.PactHash}).\n");
        foreach (var reason in request.Decision.Reasons.Take(10))
        {
            text.Append("- ").Append(reason).Append('\n');
        }

        if (request.Evidence.Count > 0)
        {
            text.Append("Evidence:\n");
            foreach (var location in request.Evidence)
            {
                text.Append("- ").Append(location).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    static string Name(DecisionKind kind) => System.Text.Json.JsonSerializer.Serialize(kind, JsonDefaults.Options).Trim('"');
}
