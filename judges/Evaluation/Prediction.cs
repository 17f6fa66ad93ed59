namespace AgentTrust.Judges.Evaluation;

/// <summary>One held-out prediction: the true label, the predicted one, and the confidence the model gave its prediction.</summary>
public sealed record Prediction(string Truth, string Predicted, double Confidence)
{
    public bool Correct => string.Equals(Truth, Predicted, StringComparison.Ordinal);
}
