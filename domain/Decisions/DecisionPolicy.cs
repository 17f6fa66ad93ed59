using System.Globalization;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Decisions;

/// <summary>
/// The first decision rule, a pure function of the pact, its evaluation and the action:
/// anything that breaks the pact is blocked, anything uncertain goes to a human, the rest follows the tier.
/// Denials are decided before the tier, so shadow or supervised modes never turn a deny into an allow.
/// A judged clause follows its jury: a fail counts as a violation of the clause's severity, uncertain (or no jury)
/// goes to a human, a pass is a pass. The tier is the agent's live one (<paramref name="standing"/>, from the autonomy
/// ladder), or the pact's starting tier when there is none; an action the pact rates medium or high downside needs
/// what the pact says for that level (a human by default for high) whatever the confidence; and an agent whose day's
/// autonomous actions are spent needs approval for everything.
/// </summary>
public static class DecisionPolicy
{
    static readonly string[] CleanReasons = ["every clause passed and confidence meets the pact"];

    public static Decision Decide(
        Pact pact, PactEvaluation evaluation, ProposedAction action, IReadOnlyList<JuryResult>? juries = null, AutonomyStanding? standing = null)
    {
        ArgumentNullException.ThrowIfNull(pact);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(action);

        // Lists are made only when a clause needs one: the common clean path allocates nothing but the decision.
        List<string>? block = null;
        List<string>? human = null;
        List<string>? notes = null;

        if (!evaluation.ActionAllowed)
        {
            (block ??= []).Add($"action type '{action.ActionType}' is not allowed by the pact (allowed: {string.Join(", ", pact.AllowedActions)})");
        }

        var clauses = evaluation.Clauses;
        for (var i = 0; i < clauses.Count; i++)
        {
            var evaluated = clauses[i];
            if (evaluated.Outcome is ClauseOutcome.Passed or ClauseOutcome.NotApplicable)
            {
                continue;
            }

            var clause = WithJury(evaluated, juries);
            switch (clause.Outcome)
            {
                case ClauseOutcome.Violated when clause.Severity >= ClauseSeverity.Major:
                    (block ??= []).Add($"clause '{clause.ClauseId}' ({Name(clause.Severity)}) violated");
                    break;
                case ClauseOutcome.Violated when clause.Severity == ClauseSeverity.Minor:
                    (human ??= []).Add($"clause '{clause.ClauseId}' (minor) violated");
                    break;
                case ClauseOutcome.Violated:
                    (notes ??= []).Add($"clause '{clause.ClauseId}' (info) not met");
                    break;
                case ClauseOutcome.Error:
                    // An expression that cannot be evaluated proves nothing: fail towards a human, never a pass.
                    (human ??= []).Add($"clause '{clause.ClauseId}' could not be evaluated: {clause.Message}");
                    break;
                case ClauseOutcome.Deferred when JuryFor(clause.ClauseId, juries) is { } uncertain:
                    (human ??= []).Add($"clause '{clause.ClauseId}' needs judgment and the jury is uncertain: {uncertain.Reason}");
                    break;
                case ClauseOutcome.Deferred:
                    (human ??= []).Add($"clause '{clause.ClauseId}' needs judgment and no jury answered");
                    break;
            }
        }

        human ??= [];
        notes ??= [];
        var tier = standing?.Tier ?? pact.Autonomy.Tier;
        if (block is not null)
        {
            return new Decision(DecisionKind.Block, [.. block, .. human, .. notes], evaluation.PactHash, evaluation.PactVersion, tier);
        }

        if (tier == AutonomyTier.Suspended)
        {
            return new Decision(DecisionKind.Block, ["the agent is suspended in this lane" + Why(standing), .. human, .. notes], evaluation.PactHash, evaluation.PactVersion, tier);
        }

        if (action.Confidence < pact.Autonomy.MinConfidence)
        {
            human.Add(FormattableString.Invariant($"confidence {action.Confidence:0.###} is below the pact's minimum {pact.Autonomy.MinConfidence:0.###}"));
        }

        if (evaluation.Downside > DownsideLevel.Low && pact.Downside?.For(evaluation.Downside) is { } requirement)
        {
            var level = evaluation.Downside.ToString().ToLowerInvariant();
            if (requirement.Human)
            {
                human.Add($"{level} downside (rule '{evaluation.DownsideRule}'): the pact needs a human for it whatever the confidence");
            }
            else if (requirement.MinLowerBound is { } min && !(standing?.LowerBound >= min))
            {
                var bound = standing?.LowerBound is { } b ? b.ToString("0.###", CultureInfo.InvariantCulture) : "unknown";
                human.Add(string.Create(CultureInfo.InvariantCulture, $"{level} downside (rule '{evaluation.DownsideRule}') needs trust lower bounds of at least {min:0.###}; the agent's is {bound}"));
            }
        }

        if (tier == AutonomyTier.Shadow)
        {
            return new Decision(
                DecisionKind.Shadow, ["the agent is in shadow mode in this lane: evaluated and recorded, never applied" + Why(standing), .. human, .. notes], evaluation.PactHash, evaluation.PactVersion, tier);
        }

        if (tier == AutonomyTier.Supervised)
        {
            human.Insert(0, "the agent is supervised in this lane: every action needs approval" + Why(standing));
        }
        else if (standing is { ActionBudgetExhausted: true })
        {
            human.Insert(0, "the agent's autonomous actions for the day are spent: every action needs approval until the day ends");
        }

        if (human.Count > 0)
        {
            return new Decision(DecisionKind.RequireApproval, [.. human, .. notes], evaluation.PactHash, evaluation.PactVersion, tier);
        }

        return new Decision(
            DecisionKind.AutoApply, notes.Count == 0 ? CleanReasons : ["every clause passed and confidence meets the pact", .. notes], evaluation.PactHash, evaluation.PactVersion, tier);
    }

    /// <summary>Why the live tier is what it is, for the reasons; built only off the clean path.</summary>
    static string Why(AutonomyStanding? standing) => standing is null ? string.Empty : " (" + standing.Reason + ")";

    /// <summary>A deferred clause takes its jury's outcome; an uncertain jury keeps it deferred (a human decides).</summary>
    static ClauseResult WithJury(ClauseResult clause, IReadOnlyList<JuryResult>? juries)
    {
        if (clause.Outcome != ClauseOutcome.Deferred || juries is null)
        {
            return clause;
        }

        var jury = JuryFor(clause.ClauseId, juries);
        return jury?.Outcome switch
        {
            JuryOutcome.Pass => clause with { Outcome = ClauseOutcome.Passed, Message = jury.Reason },
            JuryOutcome.Fail => clause with { Outcome = ClauseOutcome.Violated, Message = jury.Reason },
            _ => clause,
        };
    }

    static JuryResult? JuryFor(string clauseId, IReadOnlyList<JuryResult>? juries) =>
        juries?.FirstOrDefault(j => string.Equals(j.ClauseId, clauseId, StringComparison.Ordinal));

    static string Name(ClauseSeverity severity) => severity.ToString().ToLowerInvariant();
}
