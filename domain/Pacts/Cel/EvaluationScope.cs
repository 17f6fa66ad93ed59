namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// The per-evaluation state compiled expressions read: the bound input fields by slot and the variables of
/// <c>exists</c>/<c>all</c> macros. One per thread is reused, so a decision allocates no scope; each evaluation
/// overwrites every slot it reads before any expression runs, so nothing leaks from one action to the next.
/// </summary>
internal sealed class EvaluationScope
{
    [ThreadStatic]
    static EvaluationScope? perThread;

    public CelValue[] Slots { get; private set; } = new CelValue[16];

    public CelValue[] Locals { get; private set; } = new CelValue[4];

    /// <summary>
    /// Work one clause may still do (macro steps plus characters and items built by <c>+</c>). A pact author can
    /// nest macros over list literals and concatenate strings; without a budget one clause could take minutes or
    /// gigabytes. Spent, the expression's value is an error, so the clause fails closed instead of passing.
    /// </summary>
    public long Budget { get; private set; } = MaxWork;

    /// <summary>The work one clause (guard and condition together) may do: far beyond any real pact.</summary>
    public const long MaxWork = 2_000_000;

    public static CelValue BudgetSpent { get; } = CelValue.Error(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the expression does more than {MaxWork} steps of work; evaluation was stopped"));

    public void ResetBudget() => Budget = MaxWork;

    /// <summary>Takes <paramref name="work"/> from the budget; false once it is spent.</summary>
    public bool Spend(long work)
    {
        Budget -= work;
        return Budget >= 0;
    }

    public static EvaluationScope Rent(int slots, int locals)
    {
        var scope = perThread ??= new EvaluationScope();
        if (scope.Slots.Length < slots)
        {
            scope.Slots = new CelValue[Math.Max(slots, scope.Slots.Length * 2)];
        }

        if (scope.Locals.Length < locals)
        {
            scope.Locals = new CelValue[Math.Max(locals, scope.Locals.Length * 2)];
        }

        return scope;
    }

    /// <summary>Drops references to the last input's strings and lists, so a pooled scope keeps nothing alive.</summary>
    public void Clear(int slots, int locals)
    {
        Array.Clear(Slots, 0, slots);
        Array.Clear(Locals, 0, locals);
    }
}
