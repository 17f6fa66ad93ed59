namespace AgentTrust.Cli.Demo;

/// <summary>
/// The demo's incident-classification agent: a real, simple model with honest errors. It proposes the ITIL
/// priority for the ticket's impact and urgency, and its confidence is how often that rule matched the final
/// priority of earlier incidents with the same impact and urgency (Laplace-smoothed). Trained on early records,
/// replayed on later ones.
/// </summary>
public sealed class MatrixClassifierAgent
{
    readonly Dictionary<(string Impact, string Urgency), (int Hits, int Total)> history = [];

    public void Train(IEnumerable<ServiceNowIncident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        foreach (var incident in incidents)
        {
            var key = (incident.Impact, incident.Urgency);
            var (hits, total) = history.GetValueOrDefault(key);
            history[key] = (hits + (Matrix(incident) == incident.FinalPriority ? 1 : 0), total + 1);
        }
    }

    public (int Priority, double Confidence) Propose(ServiceNowIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var (hits, total) = history.GetValueOrDefault((incident.Impact, incident.Urgency));
        return (Matrix(incident), Math.Round((hits + 1.0) / (total + 2.0), 3));
    }

    /// <summary>The ITIL priority matrix: impact and urgency 1 (high) to 3 (low) give priority 1 to 5.</summary>
    static int Matrix(ServiceNowIncident incident) => Math.Clamp(Level(incident.Impact) + Level(incident.Urgency) - 1, 1, 5);

    static int Level(string value) => value.Length > 0 && char.IsDigit(value[0]) ? value[0] - '0' : 2;
}
