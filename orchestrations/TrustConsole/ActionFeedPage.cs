namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>One page of the action feed and the opaque token of the next (null on the last page).</summary>
public sealed record ActionFeedPage(IReadOnlyList<ActionFeedEntry> Items, string? ContinuationToken);
