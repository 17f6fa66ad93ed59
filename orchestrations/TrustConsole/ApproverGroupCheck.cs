using AgentTrust.Orchestrations.Approvals;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Whether the signed-in person may answer an action in the console: they must belong to one of the groups the action
/// has asked so far (the pending record's approver groups: the pact's first rung and every escalation rung reached). A
/// group admits a person by sign-in name (<see cref="ApproverGroupOptions.Members"/> or its
/// <see cref="ApproverGroupOptions.Emails"/>: whoever the request was mailed to may answer it), by Entra ID group claim
/// (<see cref="ApproverGroupOptions.EntraGroupId"/>) or by an app role named like the group. A group not configured admits
/// nobody: the check fails closed.
/// </summary>
public static class ApproverGroupCheck
{
    /// <summary>The first asked group that admits <paramref name="user"/>; null when none does (or nobody is signed in).</summary>
    public static string? MemberOf(ConsoleUser user, IReadOnlyList<string>? asked, IDictionary<string, ApproverGroupOptions> groups)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groups);
        if (user.Name is not { } name)
        {
            return null;
        }

        foreach (var group in asked ?? [])
        {
            if (user.Roles?.Contains(group, StringComparer.Ordinal) == true)
            {
                return group;
            }

            if (!groups.TryGetValue(group, out var configured))
            {
                continue;
            }

            if (configured.Members.Concat(configured.Emails).Any(m => string.Equals(m?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                || (configured.EntraGroupId is { Length: > 0 } id && user.GroupIds?.Contains(id, StringComparer.OrdinalIgnoreCase) == true))
            {
                return group;
            }
        }

        return null;
    }
}
