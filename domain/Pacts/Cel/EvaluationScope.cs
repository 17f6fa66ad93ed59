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
