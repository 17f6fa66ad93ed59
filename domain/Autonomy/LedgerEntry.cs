namespace AgentTrust.Domain.Autonomy;

/// <summary>
/// One entry of an agent's ledger in a lane, as evidence (<c>ledger</c>): <c>spend</c> (an autonomous action, of the
/// day's allowance) or <c>slash</c> (credits a consequence path took from the bond), with the balances after it.
/// </summary>
public sealed record LedgerEntry(
    string AgentId,
    string Lane,
    DateTimeOffset At,
    string Entry,
    double Amount,
    int SpentToday,
    int? AllowancePerDay,
    double? Bond,
    string Reason,
    string? SignalId = null,
    string? ActionId = null);
