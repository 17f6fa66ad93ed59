namespace AgentTrust.Cli.Replay;

/// <summary>ML.NET output row of the multiclass model: one probability per label, in the label key order.</summary>
internal sealed class ModelScores
{
    public float[] Score { get; set; } = [];
}
