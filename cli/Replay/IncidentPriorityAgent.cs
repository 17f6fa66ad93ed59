using System.Globalization;
using AgentTrust.Cli.Demo;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// The replay's incident-classification agent: an ML.NET maximum-entropy model over what is known when an incident
/// opens (impact, urgency, opened priority, category, subcategory, symptom, contact type) that proposes the priority
/// the incident will really end with. Its confidence is the model's probability of that priority. Trained on early
/// incidents only, so the errors on later ones are honest, drift included. One thread and a fixed seed: the same
/// records always give the same model.
/// </summary>
public sealed class IncidentPriorityAgent
{
    const int Seed = 20261126;
    readonly MLContext ml = new(seed: Seed);
    PredictionEngine<IncidentRow, ModelScores>? engine;
    string[] labels = [];

    /// <summary>Share of wrong proposals on the last fifth of the training period, with a model fitted on the first four fifths.</summary>
    public double ValidationErrorRate { get; private set; }

    public void Train(IReadOnlyList<ServiceNowIncident> early)
    {
        ArgumentNullException.ThrowIfNull(early);
        var cut = early.Count * 4 / 5;
        var (validation, validationLabels) = Fit([.. early.Take(cut)]);
        var check = ml.Model.CreatePredictionEngine<IncidentRow, ModelScores>(validation);
        var wrong = early.Skip(cut).Count(i => Best(check.Predict(Row(i)).Score, validationLabels).Priority != i.FinalPriority);
        ValidationErrorRate = (double)wrong / Math.Max(1, early.Count - cut);
        var (model, modelLabels) = Fit(early);
        engine = ml.Model.CreatePredictionEngine<IncidentRow, ModelScores>(model);
        labels = modelLabels;
    }

    public (int Priority, double Confidence) Propose(ServiceNowIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var model = engine ?? throw new InvalidOperationException("train the agent first");
        return Best(model.Predict(Row(incident)).Score, labels);
    }

    (ITransformer Model, string[] Labels) Fit(IReadOnlyList<ServiceNowIncident> incidents)
    {
        var data = ml.Data.LoadFromEnumerable(incidents.Select(Row));
        string[] columns = [nameof(IncidentRow.Impact), nameof(IncidentRow.Urgency), nameof(IncidentRow.OpenedPriority), nameof(IncidentRow.Category),
            nameof(IncidentRow.Subcategory), nameof(IncidentRow.Symptom), nameof(IncidentRow.ContactType)];
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Categorical.OneHotEncoding([.. columns.Select(c => new InputOutputColumnPair(c))]))
            .Append(ml.Transforms.Concatenate("Features", columns))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = 1,
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
            }));
        var model = pipeline.Fit(data);
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Label"].GetKeyValues(ref keys);
        return (model, [.. keys.DenseValues().Select(v => v.ToString())]);
    }

    static (int Priority, double Confidence) Best(float[] scores, string[] labels)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return (int.Parse(labels[best], CultureInfo.InvariantCulture), Math.Round(scores[best], 3));
    }

    static IncidentRow Row(ServiceNowIncident incident) => new()
    {
        Impact = incident.Impact,
        Urgency = incident.Urgency,
        OpenedPriority = incident.OpenedPriority.ToString(CultureInfo.InvariantCulture),
        Category = incident.Category,
        Subcategory = incident.Subcategory,
        Symptom = incident.Symptom,
        ContactType = incident.ContactType,
        Label = incident.FinalPriority.ToString(CultureInfo.InvariantCulture),
    };
}
