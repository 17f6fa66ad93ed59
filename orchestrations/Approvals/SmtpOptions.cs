namespace AgentTrust.Orchestrations.Approvals;

/// <summary>The SMTP relay approval mail goes through (MailKit). Unset <see cref="Host"/> means no email channel.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS when the server offers it (<c>true</c>, the default), or plain SMTP (<c>false</c>, local sinks only).</summary>
    public bool UseTls { get; set; } = true;

    public string From { get; set; } = "agenttrust@localhost";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
