namespace AgentTrust.Domain.Pacts;

/// <summary>When the agent may act alone: its tier, and the confidence below which a human decides.</summary>
public sealed record AutonomyPolicy(AutonomyTier Tier = AutonomyTier.Autonomous, double MinConfidence = 0.8);
