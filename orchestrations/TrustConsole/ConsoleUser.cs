namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>Who is using the console: the signed-in approver's name (null when nobody is) and how it was established.</summary>
public sealed record ConsoleUser(string? Name, string Source)
{
    public bool SignedIn => Name is not null;
}
