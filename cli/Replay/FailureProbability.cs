namespace AgentTrust.Cli.Replay;

/// <summary>ML.NET output row of the binary model: the calibrated probability that the change fails.</summary>
internal sealed class FailureProbability
{
    public float Probability { get; set; }
}
