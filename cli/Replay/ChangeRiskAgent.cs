using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// The replay's change-risk agent: an ML.NET logistic regression over what a Rabobank change record says when it opens
/// (change type, recorded risk, CI type and subtype, service component, origin, CAB and emergency flags, how many CIs)
/// giving the probability that the change causes incidents. It rates a change "Minor Change" when failure is less
/// likely than not, "Business Change" above that and "Major Business Change" (recommending the CAB) from 0.75; its
/// confidence is the probability that its rating is right. Trained on early changes only; fixed seed, one thread.
/// </summary>
public sealed class ChangeRiskAgent
{
    public const string Low = "Minor Change";
    const int Seed = 20261126;
    readonly MLContext ml = new(seed: Seed);
    PredictionEngine<ChangeRow, FailureProbability>? engine;

    /// <summary>Share of wrong ratings on the last fifth of the training period, with a model fitted on the first four fifths.</summary>
    public double ValidationErrorRate { get; private set; }

    public void Train(IReadOnlyList<RabobankChange> early)
    {
        ArgumentNullException.ThrowIfNull(early);
        var cut = early.Count * 4 / 5;
        var check = ml.Model.CreatePredictionEngine<ChangeRow, FailureProbability>(Fit([.. early.Take(cut)]));
        var wrong = early.Skip(cut).Count(c => IsWrong(Rate(check.Predict(Row(c)).Probability).RiskLevel, c));
        ValidationErrorRate = (double)wrong / Math.Max(1, early.Count - cut);
        engine = ml.Model.CreatePredictionEngine<ChangeRow, FailureProbability>(Fit(early));
    }

    public (string RiskLevel, double FailureProbability, double Confidence) Propose(RabobankChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var model = engine ?? throw new InvalidOperationException("train the agent first");
        var p = model.Predict(Row(change)).Probability;
        var (level, confidence) = Rate(p);
        return (level, Math.Round(p, 4), confidence);
    }

    /// <summary>A rating is wrong when a change rated minor failed, or a change rated higher did not.</summary>
    public static bool IsWrong(string riskLevel, RabobankChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return (riskLevel == Low) == change.Failed;
    }

    static (string RiskLevel, double Confidence) Rate(double p) => p switch
    {
        < 0.5 => (Low, Math.Round(1 - p, 3)),
        < 0.75 => ("Business Change", Math.Round(p, 3)),
        _ => ("Major Business Change", Math.Round(p, 3)),
    };

    ITransformer Fit(IReadOnlyList<RabobankChange> changes)
    {
        var data = ml.Data.LoadFromEnumerable(changes.Select(Row));
        string[] categorical = [nameof(ChangeRow.ChangeType), nameof(ChangeRow.RiskAssessment), nameof(ChangeRow.CiType), nameof(ChangeRow.CiSubtype),
            nameof(ChangeRow.ServiceComponent), nameof(ChangeRow.OriginatedFrom), nameof(ChangeRow.Flags)];
        var pipeline = ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair(c))])
            .Append(ml.Transforms.Concatenate("Features", [.. categorical, nameof(ChangeRow.AffectedCis)]))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = 1,
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
            }));
        return pipeline.Fit(data);
    }

    static ChangeRow Row(RabobankChange change) => new()
    {
        ChangeType = change.ChangeType,
        RiskAssessment = change.RiskAssessment,
        CiType = change.CiType,
        CiSubtype = change.CiSubtype,
        ServiceComponent = change.ServiceComponent,
        OriginatedFrom = change.OriginatedFrom,
        Flags = (change.CabApprovalNeeded ? "cab" : "no-cab") + (change.EmergencyChange ? "+emergency" : string.Empty),
        // Log scale: a change touching 40 CIs is riskier than one touching 4, not ten times as risky.
        AffectedCis = MathF.Log(1 + change.AffectedCis),
        Label = change.Failed,
    };
}
