namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// One clause, compiled: its guard and condition programs, the slots they read, and its pass and not-applicable
/// results built once (results are immutable, so every passing decision shares them instead of allocating).
/// </summary>
internal sealed class ClausePlan
{
    public ClausePlan(PactClause clause, CelProgram? condition, CelProgram? guard, IReadOnlyList<int> slots)
    {
        Clause = clause;
        Condition = condition;
        Guard = guard;
        Slots = [.. slots];
        Passed = new ClauseResult(clause.Id, ClauseOutcome.Passed, clause.Severity);
        NotApplicable = new ClauseResult(clause.Id, ClauseOutcome.NotApplicable, clause.Severity);
        Deferred = new ClauseResult(clause.Id, ClauseOutcome.Deferred, clause.Severity, "judged clause: decided by the jury");
        ViolatedMessage = $"condition '{clause.Condition}' is false";
    }

    public PactClause Clause { get; }

    public CelProgram? Condition { get; }

    public CelProgram? Guard { get; }

    public int[] Slots { get; }

    public ClauseResult Passed { get; }

    public ClauseResult NotApplicable { get; }

    public ClauseResult Deferred { get; }

    public string ViolatedMessage { get; }

    public ClauseResult Evaluate(EvaluationScope scope, IReadOnlyList<string> paths)
    {
        scope.ResetBudget();
        if (Guard is not null)
        {
            var applies = Guard(scope);
            if (applies.Kind != CelValueKind.Bool)
            {
                return Fail(ClauseOutcome.Error, $"guard '{Clause.When}' could not be evaluated: {(applies.IsError ? applies.Text : "it did not give true or false")}", scope, paths);
            }

            if (!applies.IsTrue)
            {
                return NotApplicable;
            }
        }

        if (Condition is null)
        {
            return Deferred;
        }

        var value = Condition(scope);
        if (value.Kind == CelValueKind.Bool)
        {
            return value.IsTrue ? Passed : Fail(ClauseOutcome.Violated, ViolatedMessage, scope, paths);
        }

        return Fail(ClauseOutcome.Error, value.IsError ? value.Text : $"condition '{Clause.Condition}' did not give true or false", scope, paths);
    }

    ClauseResult Fail(ClauseOutcome outcome, string message, EvaluationScope scope, IReadOnlyList<string> paths)
    {
        var observed = new Dictionary<string, string>(Slots.Length, StringComparer.Ordinal);
        foreach (var slot in Slots)
        {
            observed[paths[slot]] = scope.Slots[slot].Format();
        }

        return new ClauseResult(Clause.Id, outcome, Clause.Severity, message, observed);
    }
}
