namespace AgentTrust.Cli.Replay;

/// <summary>ML.NET row of the change risk model: what the change record says when it opens, and whether it failed.</summary>
internal sealed class ChangeRow
{
    public string ChangeType { get; set; } = string.Empty;

    public string RiskAssessment { get; set; } = string.Empty;

    public string CiType { get; set; } = string.Empty;

    public string CiSubtype { get; set; } = string.Empty;

    public string ServiceComponent { get; set; } = string.Empty;

    public string OriginatedFrom { get; set; } = string.Empty;

    public string Flags { get; set; } = string.Empty;

    public float AffectedCis { get; set; }

    public bool Label { get; set; }
}
