namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// One ticketing system's REST endpoint and credentials, bound from <c>AgentTrust:Ticketing:ServiceNow</c> or
/// <c>AgentTrust:Ticketing:Jira</c>. Credentials come from configuration only (Key Vault references in Azure) and
/// are never logged. Write-back for a system is on only when its <see cref="BaseUrl"/> is set.
/// </summary>
public sealed class TicketingClientOptions
{
    public Uri? BaseUrl { get; set; }

    /// <summary>ServiceNow user name, or the Jira account e-mail, for basic authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>ServiceNow password or Jira API token.</summary>
    public string? Password { get; set; }

    /// <summary>An OAuth bearer token instead of basic authentication.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Write attempts: each re-reads the ticket's marker first, so a write that landed is never repeated.</summary>
    public int MaxWriteAttempts { get; set; } = 3;

    /// <summary>Retries of one safe (GET) request inside the resilience pipeline.</summary>
    public int MaxRetries { get; set; } = 3;

    public double RetryBaseDelaySeconds { get; set; } = 1;

    public double AttemptTimeoutSeconds { get; set; } = 10;

    public double TotalTimeoutSeconds { get; set; } = 60;

    public double BreakSeconds { get; set; } = 30;
}
