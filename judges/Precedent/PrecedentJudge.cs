using System.Globalization;
using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Data;
using AgentTrust.Judges.Local;

namespace AgentTrust.Judges.Precedent;

/// <summary>
/// Judges a proposed priority by precedent: among the most similar past incidents (same category, subcategory,
/// symptom, group, location as far as possible), how much weight ended at that priority. Its score is that
/// smoothed share, so a priority similar incidents almost never had fails, and the rationale names the neighbours'
/// real outcomes (reopen rate, SLA). Abstains when the action proposes no priority or the ticket has no category.
/// </summary>
public sealed class PrecedentJudge(LocalJudgeModels models) : IJudge
{
    public const string JudgeId = "precedent-knn";

    public string Id => JudgeId;

    public string Version => models.Precedents.Version;

    public JudgeReliability? MeasuredReliability => JudgeReliability.FromAccuracy(JudgeId, models.PrecedentHeldOut.Accuracy);

    public ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var precedents = models.Precedents;
        var proposed = ActionFields.Level(ActionFields.Text(request.Action.Fields, "priority"));
        if (proposed is null or < 1 or > PrecedentNeighbours.PriorityLevels)
        {
            return ValueTask.FromResult(JudgeVerdict.Abstain(Id, Version, request.ClauseId, "the action proposes no priority from 1 to 4"));
        }

        var ticket = request.Action.Ticket.Fields;
        var fields = IncidentPrecedents.Fields.Select(f => ActionFields.Text(ticket, f.TicketNames)).ToArray();
        if (fields[0] is null)
        {
            return ValueTask.FromResult(JudgeVerdict.Abstain(Id, Version, request.ClauseId, "the ticket has no category to find precedents by"));
        }

        var neighbours = precedents.Nearest(fields);
        var p = neighbours.Probability(proposed.Value);
        var rationale = string.Create(CultureInfo.InvariantCulture,
            $"{neighbours.Count} similar past incidents (distance {neighbours.Distance:0.#}): {Share(neighbours, proposed.Value):P0} of their weight ended at priority {proposed}, most often {neighbours.MostLikely}; reopened {neighbours.ReopenRate:P0}, met SLA {neighbours.SlaRate:P0}");
        return ValueTask.FromResult(JudgeVerdict.FromScore(Id, Version, request.ClauseId, p, rationale, modelId: precedents.Version));
    }

    static double Share(PrecedentNeighbours n, int priority) => n.TotalWeight == 0 ? 0 : n.PriorityWeight.GetValueOrDefault(priority) / n.TotalWeight;
}
