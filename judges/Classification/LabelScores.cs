namespace AgentTrust.Judges.Classification;

/// <summary>ML.NET output row: the probability of each label, in the model's slot order.</summary>
internal sealed class LabelScores
{
    public float[] Score { get; set; } = [];
}
