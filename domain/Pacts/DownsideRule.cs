namespace AgentTrust.Domain.Pacts;

/// <summary>
/// Rates actions: when <paramref name="When"/> (CEL over <c>action</c>, <c>ticket</c> and <c>context</c>) holds, the
/// action's downside is at least <paramref name="Level"/>. An expression that cannot be evaluated rates it high.
/// </summary>
public sealed record DownsideRule(string Id, string When, DownsideLevel Level, string? Description = null);
