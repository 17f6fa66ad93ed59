using System.Globalization;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>Equality, ordering, membership and arithmetic on values; every mismatch is an error value, never an exception.</summary>
internal static class CelOperations
{
    public static CelValue Equal(CelValue a, CelValue b)
    {
        if (a.IsError)
        {
            return a;
        }

        if (b.IsError)
        {
            return b;
        }

        if (a.Kind == CelValueKind.Null || b.Kind == CelValueKind.Null)
        {
            return CelValue.Bool(a.Kind == b.Kind);
        }

        if (a.Kind != b.Kind)
        {
            return CelValue.Error($"cannot compare {Name(a)} with {Name(b)}");
        }

        return CelValue.Bool(Same(a, b));
    }

    static bool Same(CelValue a, CelValue b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a.Kind)
        {
            case CelValueKind.String:
                return string.Equals(a.Text, b.Text, StringComparison.Ordinal);
            case CelValueKind.List:
                var x = a.Items;
                var y = b.Items;
                if (x.Length != y.Length)
                {
                    return false;
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!Same(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.Number == b.Number;
        }
    }

    public static CelValue Compare(string op, CelValue a, CelValue b)
    {
        if (a.IsError)
        {
            return a;
        }

        if (b.IsError)
        {
            return b;
        }

        int order;
        if (a.Kind != b.Kind)
        {
            return CelValue.Error($"'{op}' cannot order {Name(a)} and {Name(b)}");
        }

        switch (a.Kind)
        {
            case CelValueKind.Number or CelValueKind.Timestamp or CelValueKind.Duration:
                if (double.IsNaN(a.Number) || double.IsNaN(b.Number))
                {
                    return CelValue.False;
                }

                order = a.Number.CompareTo(b.Number);
                break;
            case CelValueKind.String:
                order = string.CompareOrdinal(a.Text, b.Text);
                break;
            default:
                return CelValue.Error($"'{op}' cannot order {Name(a)} values");
        }

        return CelValue.Bool(op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }

    public static CelValue In(CelValue item, CelValue list)
    {
        if (item.IsError)
        {
            return item;
        }

        if (list.Kind != CelValueKind.List)
        {
            return CelCompiler.Mismatch(list, "'in' needs a list on its right");
        }

        foreach (var candidate in list.Items)
        {
            if (Same(item, candidate))
            {
                return CelValue.True;
            }
        }

        return CelValue.False;
    }

    public static CelType? ArithmeticType(string op, CelType left, CelType right)
    {
        if (left.IsDyn || right.IsDyn)
        {
            return CelType.Dyn;
        }

        return op switch
        {
            _ when left == CelType.Number && right == CelType.Number => CelType.Number,
            "+" when left == CelType.String && right == CelType.String => CelType.String,
            "+" when left.IsList && right.IsList => left,
            "+" when left == CelType.Timestamp && right == CelType.Duration => CelType.Timestamp,
            "+" when left == CelType.Duration && right == CelType.Timestamp => CelType.Timestamp,
            "+" or "-" when left == CelType.Duration && right == CelType.Duration => CelType.Duration,
            "-" when left == CelType.Timestamp && right == CelType.Duration => CelType.Timestamp,
            "-" when left == CelType.Timestamp && right == CelType.Timestamp => CelType.Duration,
            _ => null,
        };
    }

    /// <summary>
    /// String and list <c>+</c>, bounded: a result longer than <see cref="MaxTextLength"/> characters or
    /// <see cref="PactVariables.MaxListItems"/> items is an error, and what is built is charged to the scope's budget,
    /// so repeated concatenation inside macros cannot allocate without bound.
    /// </summary>
    public static CelValue Concatenate(CelValue a, CelValue b, EvaluationScope scope)
    {
        if (a.IsError)
        {
            return a;
        }

        if (b.IsError)
        {
            return b;
        }

        long size = a.Kind switch
        {
            CelValueKind.String when b.Kind == CelValueKind.String => (long)a.Text.Length + b.Text.Length,
            CelValueKind.List when b.Kind == CelValueKind.List => (long)a.Items.Length + b.Items.Length,
            _ => 0,
        };
        if (a.Kind == CelValueKind.String && size > MaxTextLength)
        {
            return CelValue.Error(string.Create(CultureInfo.InvariantCulture, $"'+' would build a string of more than {MaxTextLength} characters"));
        }

        if (a.Kind == CelValueKind.List && size > PactVariables.MaxListItems)
        {
            return CelValue.Error(string.Create(CultureInfo.InvariantCulture, $"'+' would build a list of more than {PactVariables.MaxListItems} items"));
        }

        return scope.Spend(size) ? Arithmetic('+', a, b) : EvaluationScope.BudgetSpent;
    }

    /// <summary>What an operation over <paramref name="v"/> may have to scan: characters of a string, items of a list.</summary>
    public static long SizeOf(CelValue v) => v.Kind switch
    {
        CelValueKind.String => v.Text.Length,
        CelValueKind.List => v.Items.Length,
        _ => 0,
    };

    /// <summary>The longest string <c>+</c> builds: longer than any request body the API accepts by default.</summary>
    public const int MaxTextLength = 64 * 1024;

    public static CelValue Arithmetic(char op, CelValue a, CelValue b)
    {
        if (a.IsError)
        {
            return a;
        }

        if (b.IsError)
        {
            return b;
        }

        switch (op, a.Kind, b.Kind)
        {
            case (_, CelValueKind.Number, CelValueKind.Number):
                if (op is '/' or '%' && b.Number == 0)
                {
                    return CelValue.Error("division by zero");
                }

                return CelValue.Num(op switch
                {
                    '+' => a.Number + b.Number,
                    '-' => a.Number - b.Number,
                    '*' => a.Number * b.Number,
                    '/' => a.Number / b.Number,
                    _ => a.Number % b.Number,
                });
            case ('+', CelValueKind.String, CelValueKind.String):
                return CelValue.Str(a.Text + b.Text);
            case ('+', CelValueKind.List, CelValueKind.List):
                return CelValue.List([.. a.Items, .. b.Items]);
            case ('+', CelValueKind.Timestamp, CelValueKind.Duration):
            case ('+', CelValueKind.Duration, CelValueKind.Timestamp):
                return CelValue.Timestamp(a.Number + b.Number);
            case ('+', CelValueKind.Duration, CelValueKind.Duration):
                return CelValue.Duration(a.Number + b.Number);
            case ('-', CelValueKind.Duration, CelValueKind.Duration):
                return CelValue.Duration(a.Number - b.Number);
            case ('-', CelValueKind.Timestamp, CelValueKind.Duration):
                return CelValue.Timestamp(a.Number - b.Number);
            case ('-', CelValueKind.Timestamp, CelValueKind.Timestamp):
                return CelValue.Duration(a.Number - b.Number);
            default:
                return CelValue.Error(string.Create(CultureInfo.InvariantCulture, $"'{op}' is not defined for {Name(a)} and {Name(b)}"));
        }
    }

    public static string Name(CelValue value) => value.Kind switch
    {
        CelValueKind.Bool => "bool",
        CelValueKind.Number => "number",
        CelValueKind.String => "string",
        CelValueKind.List => "list",
        CelValueKind.Timestamp => "timestamp",
        CelValueKind.Duration => "duration",
        CelValueKind.Null => "null",
        CelValueKind.Missing => "a missing field",
        _ => "error",
    };
}
