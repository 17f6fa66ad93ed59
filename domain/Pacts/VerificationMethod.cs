namespace AgentTrust.Domain.Pacts;

/// <summary>How a clause is checked: by its expression, or by the jury of judges.</summary>
public enum VerificationMethod
{
    Deterministic,
    Judged,
}
