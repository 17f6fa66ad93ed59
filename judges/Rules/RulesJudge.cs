using System.Globalization;
using System.Text.RegularExpressions;
using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Data;

namespace AgentTrust.Judges.Rules;

/// <summary>
/// The heuristics pacts state in words, checked as rules: an ITIL priority follows from impact and urgency; a risk
/// warning names its evidence; a message for a stakeholder carries no secrets or internal jargon and fits its audience;
/// an explanation is given for what the agent changes. Each rule that applies votes; the judge fails when any applicable
/// rule fails and abstains when none applies. Deterministic and instant.
/// </summary>
public sealed partial class RulesJudge : IJudge
{
    public const string JudgeId = "rules";

    public string Id => JudgeId;

    public string Version => "rules-v1";

    public ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = Rules(request).ToList();
        if (results.Count == 0)
        {
            return ValueTask.FromResult(JudgeVerdict.Abstain(Id, Version, request.ClauseId, "no rule applies to this action"));
        }

        var failed = results.Where(r => !r.Holds).ToList();
        // Rules are near-certain when they fail (a broken matrix is broken); passing them is weaker evidence.
        var score = failed.Count > 0 ? 0.1 : 0.8;
        var rationale = string.Join("; ", results.Select(r => $"{(r.Holds ? "ok" : "broken")}: {r.Name} ({r.Detail})"));
        return ValueTask.FromResult(JudgeVerdict.FromScore(Id, Version, request.ClauseId, score, rationale));
    }

    static IEnumerable<RuleResult> Rules(JudgeRequest request)
    {
        var fields = request.Action.Fields;
        var impact = ActionFields.Level(ActionFields.Text(fields, "impact"));
        var urgency = ActionFields.Level(ActionFields.Text(fields, "urgency"));
        var priority = ActionFields.Level(ActionFields.Text(fields, "priority"));
        if (impact is >= 1 and <= 3 && urgency is >= 1 and <= 3 && priority is not null)
        {
            var expected = Math.Min(5, impact.Value + urgency.Value - 1);
            yield return new RuleResult("priority follows the impact x urgency matrix", Math.Abs(expected - priority.Value) <= 1,
                string.Create(CultureInfo.InvariantCulture, $"impact {impact} and urgency {urgency} give priority {expected}, proposed {priority}"));
        }

        var risk = ActionFields.Text(fields, "risk", "risk_level", "severity");
        if (risk is not null && request.Action.ActionType.Contains("warn", StringComparison.OrdinalIgnoreCase))
        {
            var evidence = ActionFields.Text(fields, "evidence", "reasons", "justification") ?? request.Action.Rationale;
            var words = evidence is null ? 0 : evidence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            yield return new RuleResult("a risk warning names its evidence", words >= 5, $"{words} word(s) of evidence for risk '{risk}'");
        }

        var message = ActionFields.Text(fields, "message", "body", "reply");
        if (message is not null)
        {
            var audience = ActionFields.Text(fields, "audience", "stakeholder", "recipient_role") ?? "requester";
            var external = !audience.Contains("engineer", StringComparison.OrdinalIgnoreCase) && !audience.Contains("internal", StringComparison.OrdinalIgnoreCase);
            yield return new RuleResult("a message carries no secrets", !SecretPattern().IsMatch(message), "no credential-like text");
            if (external)
            {
                yield return new RuleResult("a message for a stakeholder avoids internal jargon", !JargonPattern().IsMatch(message), $"audience '{audience}'");
                yield return new RuleResult("a message for a stakeholder is short enough to read", message.Length <= 1200, $"{message.Length} characters");
            }
        }

        if (request.Action.ActionType is "classify" or "reclassify" && (priority is not null || ActionFields.Text(fields, "category") is not null))
        {
            var rationaleWords = request.Action.Rationale?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            yield return new RuleResult("a classification is explained", rationaleWords >= 3, $"{rationaleWords} word(s) of rationale");
        }
    }

    [GeneratedRegex(@"(?i)(password|passwd|secret|api[_-]?key|token)\s*[:=]\s*\S+|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bAKIA[0-9A-Z]{16}\b")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"(?i)\b(cmdb_ci|sys_id|assignment_group|u_symptom|INC\d{7}\b.*\bsys_)|\bstack ?trace\b|NullReferenceException")]
    private static partial Regex JargonPattern();

    readonly record struct RuleResult(string Name, bool Holds, string Detail);
}
