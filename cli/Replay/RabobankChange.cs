namespace AgentTrust.Cli.Replay;

/// <summary>One Rabobank change (BPI Challenge 2014) as the replay streams it: how it was filed and whether it failed.</summary>
/// <param name="RelatedIncidents">Incidents later related to the change; a change with any counts as failed.</param>
public sealed record RabobankChange(
    string ChangeId,
    string ChangeType,
    string RiskAssessment,
    bool EmergencyChange,
    bool CabApprovalNeeded,
    string CiType,
    string CiSubtype,
    string ServiceComponent,
    int AffectedCis,
    string OriginatedFrom,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    int RelatedIncidents)
{
    public bool Failed => RelatedIncidents > 0;
}
