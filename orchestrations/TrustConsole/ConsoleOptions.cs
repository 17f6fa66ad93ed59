namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>The trust console. Bound from <c>AgentTrust:Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "AgentTrust:Console";

    /// <summary>
    /// The approver the console signs in as on a developer's machine (e.g. <c>dev@example.com</c>). Used only when App
    /// Service Authentication is off; unset means nobody may decide from the console locally.
    /// </summary>
    public string? DevelopmentApprover { get; set; }

    /// <summary>
    /// Trust the <c>X-MS-CLIENT-PRINCIPAL-NAME</c> header that App Service Authentication sets (and strips from callers).
    /// Null: trusted exactly when App Service says authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>). Never turn it
    /// on for a host that is not behind App Service Authentication: anyone could send the header.
    /// </summary>
    public bool? TrustAppServiceAuthentication { get; set; }

    /// <summary>The projection of decisions the console pages through (newest first) and the pending approvals.</summary>
    public string ActionFeedTableName { get; set; } = "AgentTrustActionFeed";

    /// <summary>At most this many trust signals are folded for one lane's history chart (the newest ones).</summary>
    public int HistoryMaxSignals { get; set; } = 20_000;
}
