namespace AgentTrust.Domain.Agents;

/// <summary>
/// The version string trust signals carry (<see cref="Trust.TrustSignal.Version"/>): the pact hash, and from the
/// agent's second registered version on, the agent version too. A change of either starts the agent's trust in the
/// lane discounted (<see cref="Trust.TrustFold"/>). Version 1 adds nothing, so registering an agent that already acts
/// does not discount the trust it earned: the first registration names the version it earned it under.
/// </summary>
public static class AgentTrustVersion
{
    const string Separator = "|agent-v";

    public static string Compose(string pactVersion, int agentVersion)
    {
        ArgumentNullException.ThrowIfNull(pactVersion);
        var pact = PactPart(pactVersion);
        return agentVersion <= 1 ? pact : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pact}{Separator}{agentVersion}");
    }

    /// <summary>The pact part of a composed version (the whole string when it names no agent version).</summary>
    public static string PactPart(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var at = version.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? version : version[..at];
    }
}
