namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// The list macros. Each visits a list at most once, so evaluation is bounded by list sizes, which input binding
/// caps at <see cref="PactVariables.MaxListItems"/>. Errors follow CEL: a decisive element wins over an error.
/// </summary>
internal static class CelMacros
{
    public static CelValue Exists(CelValue list, CelProgram predicate, int local, EvaluationScope scope)
    {
        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "exists() needs a list");
        }

        CelValue? error = null;
        foreach (var item in list.Items)
        {
            if (!scope.Spend(1))
            {
                return EvaluationScope.BudgetSpent;
            }

            scope.Locals[local] = item;
            var r = predicate(scope);
            if (r.IsTrue)
            {
                return CelValue.True;
            }

            if (r.Kind != CelValueKind.Bool)
            {
                error ??= CelCompiler.Mismatch(r, "exists() needs true or false");
            }
        }

        return error ?? CelValue.False;
    }

    public static CelValue All(CelValue list, CelProgram predicate, int local, EvaluationScope scope)
    {
        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "all() needs a list");
        }

        CelValue? error = null;
        foreach (var item in list.Items)
        {
            if (!scope.Spend(1))
            {
                return EvaluationScope.BudgetSpent;
            }

            scope.Locals[local] = item;
            var r = predicate(scope);
            if (r.Kind == CelValueKind.Bool && !r.IsTrue)
            {
                return CelValue.False;
            }

            if (r.Kind != CelValueKind.Bool)
            {
                error ??= CelCompiler.Mismatch(r, "all() needs true or false");
            }
        }

        return error ?? CelValue.True;
    }

    public static CelValue ExistsOne(CelValue list, CelProgram predicate, int local, EvaluationScope scope)
    {
        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "exists_one() needs a list");
        }

        var count = 0;
        foreach (var item in list.Items)
        {
            if (!scope.Spend(1))
            {
                return EvaluationScope.BudgetSpent;
            }

            scope.Locals[local] = item;
            var r = predicate(scope);
            if (r.Kind != CelValueKind.Bool)
            {
                return CelCompiler.Mismatch(r, "exists_one() needs true or false");
            }

            count += r.IsTrue ? 1 : 0;
        }

        return CelValue.Bool(count == 1);
    }

    public static CelValue Filter(CelValue list, CelProgram predicate, int local, EvaluationScope scope)
    {
        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "filter() needs a list");
        }

        var kept = new List<CelValue>();
        foreach (var item in list.Items)
        {
            if (!scope.Spend(1))
            {
                return EvaluationScope.BudgetSpent;
            }

            scope.Locals[local] = item;
            var r = predicate(scope);
            if (r.Kind != CelValueKind.Bool)
            {
                return CelCompiler.Mismatch(r, "filter() needs true or false");
            }

            if (r.IsTrue)
            {
                kept.Add(item);
            }
        }

        return CelValue.List([.. kept]);
    }

    public static CelValue Map(CelValue list, CelProgram transform, int local, EvaluationScope scope)
    {
        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "map() needs a list");
        }

        var items = list.Items;
        var mapped = new CelValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!scope.Spend(1))
            {
                return EvaluationScope.BudgetSpent;
            }

            scope.Locals[local] = items[i];
            mapped[i] = transform(scope);
            if (mapped[i].IsError)
            {
                return mapped[i];
            }
        }

        return CelValue.List(mapped);
    }
}
