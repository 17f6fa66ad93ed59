using AgentTrust.Judges.Classification;
using AgentTrust.Judges.Evaluation;
using AgentTrust.Judges.Precedent;
using Microsoft.Extensions.Options;

namespace AgentTrust.Judges.Local;

/// <summary>
/// The local judges' models, trained (or loaded from the cache folder) once per process on first use, or at start
/// through <see cref="WarmUp"/>. Training is seeded and single-threaded, so every machine builds the same models
/// from the same shipped files; nothing is downloaded.
/// </summary>
public sealed class LocalJudgeModels(IOptions<JudgesOptions> options)
{
    readonly Lazy<TicketTextClassifier[]> classifiers = new(() =>
        [.. new[] { "category", "urgency", "impact" }.Select(label => TicketTextClassifier.LoadOrTrain(label, options.Value.ResolvedModelCachePath))]);

    readonly Lazy<(IncidentPrecedents Index, List<(string?[] Fields, int Priority)> HeldOut, ClassificationMetrics Metrics)> precedents = new(() =>
    {
        var index = IncidentPrecedents.Build(out var heldOut);
        // Measured on a deterministic sample of the held-out fifth, enough for a reliability prior without slowing start.
        var sample = heldOut.Where((_, i) => i % 4 == 0).ToList();
        return (index, heldOut, index.Measure(sample));
    });

    internal IReadOnlyList<TicketTextClassifier> Classifiers => classifiers.Value;

    internal TicketTextClassifier Category => classifiers.Value[0];

    internal IncidentPrecedents Precedents => precedents.Value.Index;

    internal List<(string?[] Fields, int Priority)> PrecedentHeldOutRows => precedents.Value.HeldOut;

    internal ClassificationMetrics PrecedentHeldOut => precedents.Value.Metrics;

    /// <summary>Trains or loads every model now, so the first judged action does not pay for it.</summary>
    public void WarmUp()
    {
        _ = classifiers.Value;
        _ = precedents.Value;
    }
}
