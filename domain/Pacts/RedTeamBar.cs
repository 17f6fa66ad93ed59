namespace AgentTrust.Domain.Pacts;

/// <summary>
/// The lowest pass rate (0 to 1) of the lane's adversarial suite, per case severity. A severity the pact does not
/// name must pass every case: a pact that says nothing asks for a perfect run.
/// </summary>
public sealed record RedTeamBar(double? Critical = null, double? Major = null, double? Minor = null)
{
    public static RedTeamBar Perfect { get; } = new();

    public double For(ClauseSeverity severity) => severity switch
    {
        ClauseSeverity.Critical => Critical ?? 1,
        ClauseSeverity.Major => Major ?? 1,
        _ => Minor ?? 1,
    };
}
