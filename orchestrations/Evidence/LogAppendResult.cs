namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// The leaf a record got: when <see cref="AlreadyLogged"/> the record was logged before (a retried write) and
/// <see cref="Location"/> is where that first record is (null: the blob of its own name).
/// </summary>
public sealed record LogAppendResult(long Index, bool AlreadyLogged, RecordLocation? Location);
