using System.Globalization;
using System.Text;
using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Data;
using AgentTrust.Judges.Local;

namespace AgentTrust.Judges.Classification;

/// <summary>
/// Judges whether a proposed classification (category, urgency, impact) agrees with the ticket's text, using text
/// classifiers trained on real labelled help-desk tickets. Its score is the probability the models give the proposed
/// labels together (the product over the labels proposed), so it passes what the text supports and fails what it
/// contradicts. Abstains when the ticket has no text, or the action proposes no label the models know.
/// </summary>
public sealed class TicketClassifierJudge(LocalJudgeModels models) : IJudge
{
    public const string JudgeId = "ticket-text-classifier";

    static readonly string[] TextTitle = ["title", "short_description", "subject"];
    static readonly string[] TextBody = ["body", "description", "text"];

    public string Id => JudgeId;

    public string Version => models.Category.Version;

    public JudgeReliability? MeasuredReliability => JudgeReliability.FromAccuracy(JudgeId, models.Category.HeldOut.Accuracy);

    public ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = request.Action.Ticket.Fields;
        var text = TicketTextClassifier.TextOf(ActionFields.Text(ticket, TextTitle), ActionFields.Text(ticket, TextBody));
        if (text.Length == 0)
        {
            return ValueTask.FromResult(JudgeVerdict.Abstain(Id, Version, request.ClauseId, "the ticket has no text to classify"));
        }

        var probability = 1.0;
        var judged = 0;
        var rationale = new StringBuilder();
        foreach (var classifier in models.Classifiers)
        {
            var proposed = ActionFields.Text(request.Action.Fields, classifier.LabelName);
            if (proposed is null)
            {
                continue;
            }

            var distribution = classifier.Predict(text);
            if (!distribution.Knows(proposed))
            {
                rationale.Append(CultureInfo.InvariantCulture, $"{classifier.LabelName} '{proposed}' is not a label the model knows; ");
                continue;
            }

            var p = distribution.Probability(proposed);
            probability *= p;
            judged++;
            rationale.Append(CultureInfo.InvariantCulture, $"{classifier.LabelName} '{proposed}' p={p:0.###} (text suggests '{distribution.Best}' p={distribution.Probability(distribution.Best):0.###}); ");
        }

        if (judged == 0)
        {
            return ValueTask.FromResult(JudgeVerdict.Abstain(Id, Version, request.ClauseId, "no proposed category, urgency or impact the models know: " + rationale.ToString().TrimEnd(' ', ';')));
        }

        return ValueTask.FromResult(JudgeVerdict.FromScore(Id, Version, request.ClauseId, probability, rationale.ToString().TrimEnd(' ', ';'), modelId: Version));
    }
}
