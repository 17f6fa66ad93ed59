namespace AgentTrust.Judges.Precedent;

/// <summary>A past incident's final state, its categorical fields interned as integers for a fast distance.</summary>
internal sealed record IncidentProfile(int[] Fields, int Priority, bool Reopened, bool MadeSla);
