namespace AgentTrust.Domain.Metrics;

/// <summary>What an importer read from a records file: the lifecycle events, the rows it read and the rows it could not.</summary>
public sealed record ImportResult(IReadOnlyList<LifecycleEvent> Events, long RowsRead, IReadOnlyList<UnreadableRow> Unreadable);
