using AgentTrust.Domain.Decisions;

namespace AgentTrust.Domain.Reports;

/// <summary>One approval wait that ended during the week: how it ended, how long the person took, which rung answered.</summary>
public sealed record ApprovalSample(string AgentId, string Lane, string ActionId, ActionStatus Outcome, double? LatencySeconds, int Rung, DateTimeOffset DecidedAt);
