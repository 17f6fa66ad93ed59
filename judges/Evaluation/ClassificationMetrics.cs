namespace AgentTrust.Judges.Evaluation;

/// <summary>How well a judge or model did on held-out data: accuracy, macro-F1 and expected calibration error.</summary>
/// <param name="Ece">Expected calibration error over ten equal-width confidence bins: 0 means its confidence is its accuracy.</param>
public sealed record ClassificationMetrics(int Count, int Classes, double Accuracy, double MacroF1, double Ece)
{
    public static ClassificationMetrics Compute(IReadOnlyList<Prediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return new ClassificationMetrics(0, 0, 0, 0, 0);
        }

        var labels = predictions.Select(p => p.Truth).Concat(predictions.Select(p => p.Predicted)).Distinct(StringComparer.Ordinal).ToList();
        var accuracy = predictions.Count(p => p.Correct) / (double)predictions.Count;

        // Macro-F1 over the classes present in the truth, so a rare class counts as much as a common one.
        var f1s = new List<double>();
        foreach (var label in predictions.Select(p => p.Truth).Distinct(StringComparer.Ordinal))
        {
            var tp = predictions.Count(p => p.Truth == label && p.Predicted == label);
            var fp = predictions.Count(p => p.Truth != label && p.Predicted == label);
            var fn = predictions.Count(p => p.Truth == label && p.Predicted != label);
            var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
            var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
            f1s.Add(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }

        const int Bins = 10;
        var ece = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            var inBin = predictions.Where(p => Bin(p.Confidence, Bins) == b).ToList();
            if (inBin.Count > 0)
            {
                var binAccuracy = inBin.Count(p => p.Correct) / (double)inBin.Count;
                var binConfidence = inBin.Average(p => p.Confidence);
                ece += Math.Abs(binAccuracy - binConfidence) * inBin.Count / predictions.Count;
            }
        }

        return new ClassificationMetrics(predictions.Count, labels.Count, accuracy, f1s.Average(), ece);
    }

    static int Bin(double confidence, int bins) => Math.Min(bins - 1, (int)(Math.Clamp(confidence, 0, 1) * bins));
}
