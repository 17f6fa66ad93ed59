namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Who is using the console: the signed-in approver's name (null when nobody is), how it was established, and, behind App
/// Service Authentication, the Entra ID group ids and app roles their principal carries (empty otherwise).
/// </summary>
public sealed record ConsoleUser(string? Name, string Source, IReadOnlyList<string>? GroupIds = null, IReadOnlyList<string>? Roles = null)
{
    public bool SignedIn => Name is not null;
}
