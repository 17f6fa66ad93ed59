namespace AgentTrust.Cli.Replay;

/// <summary>ML.NET row of the incident priority model: what is known when the incident opens, and its final priority.</summary>
internal sealed class IncidentRow
{
    public string Impact { get; set; } = string.Empty;

    public string Urgency { get; set; } = string.Empty;

    public string OpenedPriority { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public string Subcategory { get; set; } = string.Empty;

    public string Symptom { get; set; } = string.Empty;

    public string ContactType { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
