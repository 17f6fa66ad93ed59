using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// A pact compiled to delegates. Compilation checks every expression against the pact's schemas and collects every
/// problem; evaluation binds the fields the clauses read once, runs each clause's delegates, and never throws.
/// </summary>
internal sealed partial class DelegateCompiledPact : CompiledPact
{
    public const string RateLimitClauseId = "rate-limit";

    readonly ClausePlan[] plans;
    readonly (DownsideRule Rule, CelProgram Program)[] downside;
    readonly Func<EvaluationInput, CelValue>?[] binders;
    readonly ObjectField[] actionFields;
    readonly ObjectField[] ticketFields;
    readonly IReadOnlyList<string> paths;
    readonly int localCount;

    DelegateCompiledPact(Pact pact, ClausePlan[] plans, (DownsideRule, CelProgram)[] downside, PactVariables variables, int localCount)
        : base(pact)
    {
        this.plans = plans;
        this.downside = downside;
        binders = [.. variables.Binders];
        actionFields = [.. variables.ActionFields];
        ticketFields = [.. variables.TicketFields];
        paths = variables.Paths;
        this.localCount = localCount;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseIdPattern();

    /// <summary>Compiles the pact, or returns every problem found (and no pact).</summary>
    public static (DelegateCompiledPact? Pact, IReadOnlyList<PactError> Errors) TryCompile(Pact pact)
    {
        var errors = new List<PactError>();
        CheckShape(pact, errors);
        var variables = new PactVariables(pact);
        var clauses = pact.Clauses ?? [];
        var all = new List<(PactClause Clause, string Field)>();
        for (var i = 0; i < clauses.Count; i++)
        {
            all.Add((clauses[i], $"clauses[{i}]"));
        }

        if (pact.RateLimit is { } limit)
        {
            var synthetic = new PactClause(
                RateLimitClauseId,
                string.Create(CultureInfo.InvariantCulture, $"context.recent_actions < {limit.MaxActions}"),
                limit.Severity,
                Description: string.Create(CultureInfo.InvariantCulture, $"at most {limit.MaxActions} actions per {limit.WindowMinutes} minutes"));
            all.Add((synthetic, "rateLimit"));
        }

        var plans = new ClausePlan[all.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var maxLocals = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var (clause, field) = all[i];
            if (clause is null)
            {
                errors.Add(new PactError(field, "a clause is required here"));
                continue;
            }

            if (string.IsNullOrEmpty(clause.Id) || !ClauseIdPattern().IsMatch(clause.Id))
            {
                errors.Add(new PactError(field + ".id", "must be 1-64 lowercase letters, digits, '.', '_' or '-'"));
            }
            else if (!seen.Add(clause.Id))
            {
                errors.Add(new PactError(field + ".id", clause.Id == RateLimitClauseId && field == "rateLimit"
                    ? "'rate-limit' is the clause a rateLimit creates; rename the clause"
                    : $"'{clause.Id}' is used by another clause; ids must be unique"));
            }

            var slots = new List<int>();
            CelProgram? condition = null;
            if (string.IsNullOrWhiteSpace(clause.Condition))
            {
                errors.Add(new PactError(field + ".condition", clause.Method == VerificationMethod.Judged ? "a judged clause needs the question its jury answers" : "a condition is required"));
            }
            else if (clause.Method == VerificationMethod.Deterministic)
            {
                condition = CompileExpression(clause.Condition, field + ".condition", variables, slots, errors, ref maxLocals);
            }

            var guard = string.IsNullOrWhiteSpace(clause.When) ? null : CompileExpression(clause.When, field + ".when", variables, slots, errors, ref maxLocals);
            plans[i] = new ClausePlan(clause, condition, guard, slots.Distinct().Order().ToList());
        }

        var downside = CompileDownside(pact.Downside, variables, errors, ref maxLocals);
        return errors.Count > 0 ? (null, errors) : (new DelegateCompiledPact(pact, plans, downside, variables, maxLocals), errors);
    }

    static (DownsideRule, CelProgram)[] CompileDownside(DownsidePolicy? policy, PactVariables variables, List<PactError> errors, ref int maxLocals)
    {
        var compiled = new List<(DownsideRule, CelProgram)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rules = policy?.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var field = $"downside.rules[{i}]";
            if (rule is null)
            {
                errors.Add(new PactError(field, "a rule is required here"));
                continue;
            }

            if (string.IsNullOrEmpty(rule.Id) || !ClauseIdPattern().IsMatch(rule.Id))
            {
                errors.Add(new PactError(field + ".id", "must be 1-64 lowercase letters, digits, '.', '_' or '-'"));
            }
            else if (!seen.Add(rule.Id))
            {
                errors.Add(new PactError(field + ".id", $"'{rule.Id}' is used by another downside rule; ids must be unique"));
            }

            if (string.IsNullOrWhiteSpace(rule.When))
            {
                errors.Add(new PactError(field + ".when", "a condition is required"));
                continue;
            }

            var slots = new List<int>();
            if (CompileExpression(rule.When, field + ".when", variables, slots, errors, ref maxLocals) is { } program)
            {
                compiled.Add((rule, program));
            }
        }

        return [.. compiled];
    }

    static CelProgram? CompileExpression(string expression, string field, PactVariables variables, List<int> slots, List<PactError> errors, ref int maxLocals)
    {
        try
        {
            var compiled = CelCompiler.Compile(expression, variables, out var locals);
            maxLocals = Math.Max(maxLocals, locals);
            if (!compiled.Type.Fits(CelType.Bool))
            {
                errors.Add(new PactError(field, $"must give true or false, but gives {compiled.Type}", ExpressionColumn: 1));
                return null;
            }

            slots.AddRange(compiled.Slots);
            return compiled.Program;
        }
        catch (CelSyntaxException ex)
        {
            errors.Add(new PactError(field, ex.Message, ExpressionColumn: ex.Position + 1));
            return null;
        }
    }

    static void CheckShape(Pact pact, List<PactError> errors)
    {
        if (pact.AllowedActions is not { Count: > 0 })
        {
            errors.Add(new PactError("allowedActions", "name at least one action type the agent may propose"));
        }

        if (pact.Autonomy is { MinConfidence: < 0 or > 1 or double.NaN })
        {
            errors.Add(new PactError("autonomy.minConfidence", "must be a number from 0 to 1"));
        }

        if (pact.Autonomy is { } autonomy)
        {
            errors.AddRange(Autonomy.AutonomyRules.Check(autonomy, pact.Consequences));
        }

        if (pact.Approval is { } approval)
        {
            if (approval.TimeoutSeconds < 1)
            {
                errors.Add(new PactError("approval.timeoutSeconds", "must be at least 1 second"));
            }

            var previous = 0;
            for (var i = 0; i < (approval.Escalation?.Count ?? 0); i++)
            {
                var step = approval.Escalation![i];
                if (step.AfterSeconds <= previous || step.AfterSeconds >= approval.TimeoutSeconds)
                {
                    errors.Add(new PactError($"approval.escalation[{i}].afterSeconds", "each step must come later than the one before, and before the approval times out"));
                }

                previous = step.AfterSeconds;
            }
        }

        foreach (var (name, schema) in new[] { ("actionSchema", pact.ActionSchema), ("ticketSchema", pact.TicketSchema) })
        {
            foreach (var key in schema?.Keys ?? [])
            {
                if (!FieldNamePattern().IsMatch(key))
                {
                    errors.Add(new PactError($"{name}.{key}", "field names are letters, digits and '_', starting with a letter or '_'"));
                }
                else if (name == "actionSchema" && key is "type" or "confidence")
                {
                    errors.Add(new PactError($"{name}.{key}", $"'action.{key}' is always present; do not declare it"));
                }
            }
        }
    }

    public override PactEvaluation Evaluate(EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = EvaluationScope.Rent(binders.Length, localCount);
        try
        {
            var slots = scope.Slots;
            for (var i = 0; i < binders.Length; i++)
            {
                if (binders[i] is { } binder)
                {
                    slots[i] = Bind(binder, input);
                }
            }

            BindObject(input.Action.Fields, actionFields, slots);
            if (ticketFields.Length > 0)
            {
                BindObject(input.Action.Ticket?.Fields ?? default, ticketFields, slots);
            }

            var results = new ClauseResult[plans.Length];
            for (var i = 0; i < plans.Length; i++)
            {
                results[i] = plans[i].Evaluate(scope, paths);
            }

            var (level, rule) = RateDownside(scope);
            return new PactEvaluation(Hash, Pact.Version, AllowedActions.Contains(input.Action.ActionType), results, level, rule);
        }
        finally
        {
            scope.Clear(binders.Length, localCount);
        }
    }

    /// <summary>The highest level among the matching downside rules; a rule that cannot be evaluated rates the action high.</summary>
    (DownsideLevel Level, string? Rule) RateDownside(EvaluationScope scope)
    {
        var level = DownsideLevel.Low;
        string? rule = null;
        for (var i = 0; i < downside.Length; i++)
        {
            var (candidate, program) = downside[i];
            var value = program(scope);
            var matched = value.Kind != CelValueKind.Bool || value.IsTrue;
            var rated = value.Kind == CelValueKind.Bool ? candidate.Level : DownsideLevel.High;
            if (matched && (rule is null || rated > level))
            {
                level = rated;
                rule = candidate.Id;
            }
        }

        return (level, rule);
    }

    static void BindObject(JsonElement container, ObjectField[] fields, CelValue[] slots)
    {
        try
        {
            JsonObjectBinder.Bind(container, fields, slots);
        }
#pragma warning disable CA1031 // A malformed input (e.g. a disposed JSON document) makes its fields errors, never a crash or a pass.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var error = CelValue.Error("the input could not be read: " + ex.Message);
            foreach (var field in fields)
            {
                slots[field.Slot] = error;
            }
        }
    }

    static CelValue Bind(Func<EvaluationInput, CelValue> binder, EvaluationInput input)
    {
        try
        {
            return binder(input);
        }
#pragma warning disable CA1031 // A malformed input (e.g. a disposed JSON document) makes the field an error, never a crash or a pass.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CelValue.Error("the input could not be read: " + ex.Message);
        }
    }
}
