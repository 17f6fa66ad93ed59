using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrust.Judges.Data;
using AgentTrust.Judges.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AgentTrust.Judges.Classification;

/// <summary>
/// A text classifier for one ticket label (category, urgency or impact), trained with ML.NET on the Endava help-desk
/// tickets: bag of word unigrams and bigrams, then a maximum-entropy model (SDCA, one thread, fixed seed, so the
/// same data always gives the same model). Trained on the 80% split, measured on the 20% held out, saved to the cache
/// folder with its measurement, and loaded from there on the next start.
/// </summary>
internal sealed class TicketTextClassifier
{
    const string TrainerVersion = "words12-sdca-maxent-v2";
    const int Seed = 20260101;

    readonly MLContext ml;
    readonly ITransformer model;
    readonly string[] labels;
    readonly ConcurrentBag<PredictionEngine<TicketText, LabelScores>> engines = [];

    TicketTextClassifier(MLContext ml, ITransformer model, string[] labels, string labelName, ClassificationMetrics heldOut, string version)
    {
        this.ml = ml;
        this.model = model;
        this.labels = labels;
        LabelName = labelName;
        HeldOut = heldOut;
        Version = version;
    }

    public string LabelName { get; }

    /// <summary>Measured on the held-out 20%: the prior of this judge's reliability and the figures in docs/judges.md.</summary>
    public ClassificationMetrics HeldOut { get; }

    public string Version { get; }

    public IReadOnlyList<string> Labels => labels;

    public static TicketTextClassifier LoadOrTrain(string labelName, string cacheDirectory)
    {
        var version = $"{TrainerVersion}-{JudgeData.DigestOf(JudgeData.EndavaTickets)}";
        var modelPath = Path.Combine(cacheDirectory, $"ticket-{labelName}-{version}.zip");
        var metaPath = Path.ChangeExtension(modelPath, ".json");
        var ml = new MLContext(seed: Seed);
        if (File.Exists(modelPath) && File.Exists(metaPath))
        {
            try
            {
                var cached = JsonSerializer.Deserialize<CachedMeta>(File.ReadAllText(metaPath));
                if (cached is not null)
                {
                    var loaded = ml.Model.Load(modelPath, out _);
                    return new TicketTextClassifier(ml, loaded, cached.Labels, labelName, cached.HeldOut, version);
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or FormatException)
            {
                // A torn or foreign cache file is not fatal: train again and overwrite it.
            }
        }

        var (train, test) = Split(labelName);
        var data = ml.Data.LoadFromEnumerable(train);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            // Word unigrams and bigrams only: the tickets are pre-processed words, and character n-grams cost most of the
            // training time for no held-out gain here.
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CharFeatureExtractor = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            }, "Text"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 20,
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
            }));
        var trained = pipeline.Fit(data);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        trained.GetOutputSchema(data.Schema)["Label"].GetKeyValues(ref slotNames);
        var labels = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        var classifier = new TicketTextClassifier(ml, trained, labels, labelName, new ClassificationMetrics(0, 0, 0, 0, 0), version);
        var heldOut = ClassificationMetrics.Compute(test.Select(row => classifier.Predict(row.Text)).Zip(test, (p, row) => new Prediction(row.Label, p.Best, p.Probability(p.Best))).ToList());

        Directory.CreateDirectory(cacheDirectory);
        // Write to temporary names and move, so a concurrent reader never loads half a model.
        var tmpModel = modelPath + "." + Environment.ProcessId + ".tmp";
        ml.Model.Save(trained, data.Schema, tmpModel);
        File.Move(tmpModel, modelPath, overwrite: true);
        var tmpMeta = metaPath + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(tmpMeta, JsonSerializer.Serialize(new CachedMeta(labels, heldOut)));
        File.Move(tmpMeta, metaPath, overwrite: true);
        return new TicketTextClassifier(ml, trained, labels, labelName, heldOut, version);
    }

    /// <summary>The label's distribution for this text. Thread-safe: prediction engines are pooled, one per caller at a time.</summary>
    public LabelDistribution Predict(string text)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<TicketText, LabelScores>(model);
        }

        try
        {
            var scores = engine.Predict(new TicketText { Text = text }).Score;
            return new LabelDistribution(labels, [.. scores.Select(s => (double)s)]);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    internal static (List<TicketText> Train, List<TicketText> Test) Split(string labelName)
    {
        var train = new List<TicketText>();
        var test = new List<TicketText>();
        var index = 0;
        foreach (var record in JudgeData.Records(JudgeData.EndavaTickets))
        {
            var row = new TicketText { Text = TextOf(record["title"], record["body"]), Label = record[labelName] };
            (JudgeData.IsHeldOut($"endava:{index++}") ? test : train).Add(row);
        }

        return (train, test);
    }

    public static string TextOf(string? title, string? body) => $"{title} {body}".Trim();

    sealed record CachedMeta(string[] Labels, ClassificationMetrics HeldOut);
}
