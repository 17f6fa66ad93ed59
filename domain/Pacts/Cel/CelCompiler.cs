using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// Turns a parsed expression into a tree of delegates over typed slots, checking names and types on the way.
/// Nothing is parsed or looked up by name at evaluation time: a field read is an array index, an operator is one
/// delegate call, constants are folded. Evaluation never throws: a value that cannot be computed is an error
/// value, which CEL's rules absorb in <c>&amp;&amp;</c> and <c>||</c> where the other side decides.
/// </summary>
internal sealed class CelCompiler
{
    const int MaxMacroNesting = 2;

    readonly PactVariables variables;
    readonly List<(string Name, int Index, CelType Type)> locals = [];
    readonly SortedSet<int> slotsRead = [];

    CelCompiler(PactVariables variables) => this.variables = variables;

    public int LocalCount { get; private set; }

    public static CelCompiled Compile(string expression, PactVariables variables, out int localCount)
    {
        var node = CelParser.Parse(expression);
        var compiler = new CelCompiler(variables);
        var (program, type, _) = compiler.Build(node);
        localCount = compiler.LocalCount;
        return new CelCompiled(program, type, [.. compiler.slotsRead]);
    }

    (CelProgram Program, CelType Type, bool Constant) Build(CelNode node)
    {
        var built = node switch
        {
            CelLiteral literal => (Const(literal.Value), literal.Type, true),
            CelIdent ident => BuildIdent(ident),
            CelSelect select => BuildSelect(select),
            CelListLiteral list => BuildList(list),
            CelUnary unary => BuildUnary(unary),
            CelBinary binary => BuildBinary(binary),
            CelConditional conditional => BuildConditional(conditional),
            CelIndex index => BuildIndex(index),
            CelCall call => BuildCall(call),
            _ => throw new CelSyntaxException(node.Position, "unsupported expression"),
        };

        // Fold constants once, at compile time: `timestamp("2026-01-01T00:00:00Z")` is parsed when the pact is published.
        if (built.Item3 && node is not CelLiteral)
        {
            var folding = EvaluationScope.Rent(0, 0);
            folding.ResetBudget();
            var value = built.Item1(folding);
            if (value.IsError)
            {
                throw new CelSyntaxException(node.Position, value.Text);
            }

            return (Const(value), built.Item2, true);
        }

        return built;
    }

    static CelProgram Const(CelValue value) => _ => value;

    (CelProgram, CelType, bool) BuildIdent(CelIdent ident)
    {
        for (var i = locals.Count - 1; i >= 0; i--)
        {
            if (locals[i].Name == ident.Name)
            {
                var index = locals[i].Index;
                return (s => s.Locals[index], locals[i].Type, false);
            }
        }

        if (PactVariables.Roots.Contains(ident.Name))
        {
            throw new CelSyntaxException(ident.Position, $"'{ident.Name}' is read by its fields, e.g. {ident.Name}.{(ident.Name == "context" ? "hour" : "id")}");
        }

        throw new CelSyntaxException(ident.Position, $"unknown name '{ident.Name}'; expressions read action, ticket and context");
    }

    (CelProgram, CelType, bool) BuildSelect(CelSelect select)
    {
        if (select.Operand is not CelIdent { Name: var root } || locals.Any(l => l.Name == root))
        {
            throw new CelSyntaxException(select.Position, $"'.{select.Field}': only action, ticket and context have fields (declare nested data as flat fields)");
        }

        var slot = Resolve(root, select.Field, select.Operand.Position);
        var missing = CelValue.Error($"{root}.{select.Field} is missing");
        return (s =>
        {
            var value = s.Slots[slot.Index];
            return value.Kind == CelValueKind.Missing ? missing : value;
        }, slot.Type, false);
    }

    (int Index, CelType Type) Resolve(string root, string field, int position)
    {
        if (!variables.TryResolve(root, field, out var index, out var type, out var error))
        {
            throw new CelSyntaxException(position, error);
        }

        slotsRead.Add(index);
        return (index, type);
    }

    (CelProgram, CelType, bool) BuildList(CelListLiteral list)
    {
        var items = list.Items.Select(Build).ToArray();
        var element = items.Length == 0 ? CelType.Dyn : items[0].Type;
        if (items.Any(i => !i.Type.Fits(element) || i.Type.IsDyn))
        {
            element = CelType.Dyn;
        }

        var programs = items.Select(i => i.Program).ToArray();
        var constant = items.All(i => i.Constant);
        return (s =>
        {
            var values = new CelValue[programs.Length];
            for (var i = 0; i < programs.Length; i++)
            {
                values[i] = programs[i](s);
                if (values[i].IsError)
                {
                    return values[i];
                }
            }

            return CelValue.List(values);
        }, CelType.ListOf(element), constant);
    }

    (CelProgram, CelType, bool) BuildUnary(CelUnary unary)
    {
        var (operand, type, constant) = Build(unary.Operand);
        if (unary.Operator == "!")
        {
            Require(type, CelType.Bool, unary.Operand.Position, "'!' needs true or false");
            return (s =>
            {
                var v = operand(s);
                return v.Kind == CelValueKind.Bool ? CelValue.Bool(!v.IsTrue) : Mismatch(v, "'!' needs true or false");
            }, CelType.Bool, constant);
        }

        if (!(type.IsDyn || type == CelType.Number || type == CelType.Duration))
        {
            throw new CelSyntaxException(unary.Position, $"'-' needs a number, not {type}");
        }

        return (s =>
        {
            var v = operand(s);
            return v.Kind switch
            {
                CelValueKind.Number => CelValue.Num(-v.Number),
                CelValueKind.Duration => CelValue.Duration(-v.Number),
                _ => Mismatch(v, "'-' needs a number"),
            };
        }, type, constant);
    }

    (CelProgram, CelType, bool) BuildConditional(CelConditional conditional)
    {
        var (condition, conditionType, c1) = Build(conditional.Condition);
        Require(conditionType, CelType.Bool, conditional.Condition.Position, "the condition of '?:' must be true or false");
        var (whenTrue, trueType, c2) = Build(conditional.WhenTrue);
        var (whenFalse, falseType, c3) = Build(conditional.WhenFalse);
        var type = trueType.Fits(falseType) && !trueType.IsDyn ? trueType : CelType.Dyn;
        return (s =>
        {
            var c = condition(s);
            return c.Kind != CelValueKind.Bool ? Mismatch(c, "the condition of '?:' must be true or false") : c.IsTrue ? whenTrue(s) : whenFalse(s);
        }, type, c1 && c2 && c3);
    }

    (CelProgram, CelType, bool) BuildIndex(CelIndex index)
    {
        var (operand, type, c1) = Build(index.Operand);
        var (position, positionType, c2) = Build(index.Index);
        if (!type.IsDyn && !type.IsList)
        {
            throw new CelSyntaxException(index.Position, $"only lists can be indexed, not {type}");
        }

        Require(positionType, CelType.Number, index.Index.Position, "a list index must be a number");
        return (s =>
        {
            var list = operand(s);
            if (list.Kind != CelValueKind.List)
            {
                return Mismatch(list, "only lists can be indexed");
            }

            var i = position(s);
            if (i.Kind != CelValueKind.Number)
            {
                return Mismatch(i, "a list index must be a number");
            }

            var items = list.Items;
            return i.Number >= 0 && i.Number < items.Length && i.Number == Math.Floor(i.Number)
                ? items[(int)i.Number]
                : CelValue.Error(string.Create(CultureInfo.InvariantCulture, $"index {i.Number} is outside the list (size {items.Length})"));
        }, type.IsList ? type.Element! : CelType.Dyn, c1 && c2);
    }

    (CelProgram, CelType, bool) BuildBinary(CelBinary binary)
    {
        var (left, leftType, c1) = Build(binary.Left);
        var (right, rightType, c2) = Build(binary.Right);
        var constant = c1 && c2;
        switch (binary.Operator)
        {
            case "&&":
                Require(leftType, CelType.Bool, binary.Left.Position, "'&&' needs true or false on both sides");
                Require(rightType, CelType.Bool, binary.Right.Position, "'&&' needs true or false on both sides");
                return (s => And(left(s), right, s), CelType.Bool, constant);
            case "||":
                Require(leftType, CelType.Bool, binary.Left.Position, "'||' needs true or false on both sides");
                Require(rightType, CelType.Bool, binary.Right.Position, "'||' needs true or false on both sides");
                return (s => Or(left(s), right, s), CelType.Bool, constant);
            case "==" or "!=":
                if (!leftType.Fits(rightType) && leftType != CelType.Null && rightType != CelType.Null)
                {
                    throw new CelSyntaxException(binary.Position, $"'{binary.Operator}' compares {leftType} with {rightType}; they are never equal");
                }

                var negate = binary.Operator == "!=";
                return (s =>
                {
                    var a = left(s);
                    if (!s.Spend(CelOperations.SizeOf(a)))
                    {
                        // Comparing long strings or lists costs their length.
                        return EvaluationScope.BudgetSpent;
                    }

                    var r = CelOperations.Equal(a, right(s));
                    return negate && !r.IsError ? CelValue.Bool(!r.IsTrue) : r;
                }, CelType.Bool, constant);
            case "<" or "<=" or ">" or ">=":
                if (!leftType.Fits(rightType) || !(leftType.IsDyn || leftType == CelType.Number || leftType == CelType.String || leftType == CelType.Timestamp || leftType == CelType.Duration))
                {
                    throw new CelSyntaxException(binary.Position, $"'{binary.Operator}' cannot order {leftType} and {rightType}");
                }

                var op = binary.Operator;
                // Numbers take a fast path with no operator dispatch; other kinds go through the general compare.
                CelProgram ordered = op switch
                {
                    "<" => s => { var a = left(s); var b = right(s); return a.Kind == CelValueKind.Number && b.Kind == CelValueKind.Number ? CelValue.Bool(a.Number < b.Number) : CelOperations.Compare(op, a, b); },
                    "<=" => s => { var a = left(s); var b = right(s); return a.Kind == CelValueKind.Number && b.Kind == CelValueKind.Number ? CelValue.Bool(a.Number <= b.Number) : CelOperations.Compare(op, a, b); },
                    ">" => s => { var a = left(s); var b = right(s); return a.Kind == CelValueKind.Number && b.Kind == CelValueKind.Number ? CelValue.Bool(a.Number > b.Number) : CelOperations.Compare(op, a, b); },
                    _ => s => { var a = left(s); var b = right(s); return a.Kind == CelValueKind.Number && b.Kind == CelValueKind.Number ? CelValue.Bool(a.Number >= b.Number) : CelOperations.Compare(op, a, b); },
                };
                return (ordered, CelType.Bool, constant);
            case "in":
                if (!rightType.IsDyn && !rightType.IsList)
                {
                    throw new CelSyntaxException(binary.Position, $"'in' needs a list on its right, not {rightType}");
                }

                if (rightType.IsList && !leftType.Fits(rightType.Element!))
                {
                    throw new CelSyntaxException(binary.Position, $"'in' looks for {leftType} in a {rightType}; it can never be found");
                }

                return (s =>
                {
                    var list = right(s);
                    return s.Spend(1 + CelOperations.SizeOf(list)) ? CelOperations.In(left(s), list) : EvaluationScope.BudgetSpent;
                }, CelType.Bool, constant);
            default:
                var resultType = CelOperations.ArithmeticType(binary.Operator, leftType, rightType)
                    ?? throw new CelSyntaxException(binary.Position, $"'{binary.Operator}' is not defined for {leftType} and {rightType}");
                var arithmetic = binary.Operator[0];
                if (arithmetic == '+' && (resultType == CelType.String || resultType.IsList))
                {
                    // Concatenation is the one operator whose cost grows with its operands: charge what it builds.
                    return (s => CelOperations.Concatenate(left(s), right(s), s), resultType, constant);
                }

                return (s => CelOperations.Arithmetic(arithmetic, left(s), right(s)), resultType, constant);
        }
    }

    // CEL's commutative logic: false && error is false, true || error is true; an error only surfaces when the
    // other side does not decide the result.
    static CelValue And(CelValue l, CelProgram right, EvaluationScope s)
    {
        if (l.Kind == CelValueKind.Bool && !l.IsTrue)
        {
            return CelValue.False;
        }

        var r = right(s);
        if (r.Kind == CelValueKind.Bool && !r.IsTrue)
        {
            return CelValue.False;
        }

        if (l.Kind != CelValueKind.Bool)
        {
            return Mismatch(l, "'&&' needs true or false");
        }

        return r.Kind == CelValueKind.Bool ? r : Mismatch(r, "'&&' needs true or false");
    }

    static CelValue Or(CelValue l, CelProgram right, EvaluationScope s)
    {
        if (l.IsTrue)
        {
            return CelValue.True;
        }

        var r = right(s);
        if (r.IsTrue)
        {
            return CelValue.True;
        }

        if (l.Kind != CelValueKind.Bool)
        {
            return Mismatch(l, "'||' needs true or false");
        }

        return r.Kind == CelValueKind.Bool ? r : Mismatch(r, "'||' needs true or false");
    }

    internal static CelValue Mismatch(CelValue value, string message) => value.IsError ? value : CelValue.Error(message);

    static void Require(CelType actual, CelType expected, int position, string message)
    {
        if (!actual.Fits(expected))
        {
            throw new CelSyntaxException(position, $"{message} (found {actual})");
        }
    }

    (CelProgram, CelType, bool) BuildCall(CelCall call)
    {
        if (call.Target is not null && call.Function is "exists" or "all" or "exists_one" or "filter" or "map")
        {
            return BuildMacro(call);
        }

        if (call.Target is null && call.Function == "has")
        {
            if (call.Args is not [CelSelect { Operand: CelIdent root } select] || locals.Any(l => l.Name == root.Name))
            {
                throw new CelSyntaxException(call.Position, "has() takes one field, e.g. has(action.category)");
            }

            var slot = Resolve(root.Name, select.Field, root.Position);
            return (s =>
            {
                var kind = s.Slots[slot.Index].Kind;
                return CelValue.Bool(kind != CelValueKind.Missing && kind != CelValueKind.Null);
            }, CelType.Bool, false);
        }

        var args = new List<(CelProgram Program, CelType Type, bool Constant)>();
        if (call.Target is not null)
        {
            args.Add(Build(call.Target));
        }

        args.AddRange(call.Args.Select(Build));
        var constant = args.All(a => a.Constant);
        var function = CelFunctions.Find(call.Function, call.Target is not null, args.Select(a => a.Type).ToArray(), out var error)
            ?? throw new CelSyntaxException(call.Position, error);

        if (call.Function == "matches")
        {
            if (!args[1].Constant)
            {
                throw new CelSyntaxException(call.Args[0].Position, "matches() takes a literal pattern, so it is checked when the pact is published");
            }

            Regex regex;
            try
            {
                // Non-backtracking: matching time is linear in the input, whatever the pattern.
                regex = new Regex(args[1].Program(EvaluationScope.Rent(0, 0)).Text, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                throw new CelSyntaxException(call.Args[0].Position, $"the pattern is not a valid regular expression: {ex.Message}");
            }

            var text = args[0].Program;
            return (s =>
            {
                var v = text(s);
                if (!s.Spend(1 + CelOperations.SizeOf(v)))
                {
                    return EvaluationScope.BudgetSpent;
                }

                return v.Kind == CelValueKind.String ? CelValue.Bool(regex.IsMatch(v.Text)) : Mismatch(v, "matches() needs a string");
            }, CelType.Bool, false);
        }

        var programs = args.Select(a => a.Program).ToArray();
        return programs.Length switch
        {
            // Charged by the size of what they scan, like concatenation, so a scan inside nested macros stays bounded.
            1 => (s =>
            {
                var a = programs[0](s);
                return s.Spend(1 + CelOperations.SizeOf(a)) ? function.Invoke1(a) : EvaluationScope.BudgetSpent;
            }, function.Result, constant),
            2 => (s =>
            {
                var a = programs[0](s);
                return s.Spend(1 + CelOperations.SizeOf(a)) ? function.Invoke2(a, programs[1](s)) : EvaluationScope.BudgetSpent;
            }, function.Result, constant),
            _ => throw new CelSyntaxException(call.Position, $"{call.Function}() takes one or two arguments"),
        };
    }

    (CelProgram, CelType, bool) BuildMacro(CelCall call)
    {
        var (target, targetType, _) = Build(call.Target!);
        if (call.Args is not [CelIdent variable, var body])
        {
            throw new CelSyntaxException(call.Position, $"{call.Function}() takes a variable name and an expression, e.g. list.{call.Function}(x, x > 0)");
        }

        if (!targetType.IsDyn && !targetType.IsList)
        {
            throw new CelSyntaxException(call.Position, $"{call.Function}() works on a list, not {targetType}");
        }

        if (PactVariables.Roots.Contains(variable.Name))
        {
            throw new CelSyntaxException(variable.Position, $"'{variable.Name}' is taken; name the variable something else");
        }

        if (locals.Count >= MaxMacroNesting)
        {
            // Each level multiplies the work by a list's length (at most 1000 items): two levels stay bounded at 10^6 steps.
            throw new CelSyntaxException(call.Position, $"list macros nest at most {MaxMacroNesting} deep");
        }

        var local = locals.Count;
        locals.Add((variable.Name, local, targetType.IsList ? targetType.Element! : CelType.Dyn));
        LocalCount = Math.Max(LocalCount, locals.Count);
        var (predicate, bodyType, _) = Build(body);
        locals.RemoveAt(locals.Count - 1);

        var name = call.Function;
        if (name != "map")
        {
            Require(bodyType, CelType.Bool, body.Position, $"the expression of {name}() must be true or false");
        }

        return name switch
        {
            "exists" => (s => CelMacros.Exists(target(s), predicate, local, s), CelType.Bool, false),
            "all" => (s => CelMacros.All(target(s), predicate, local, s), CelType.Bool, false),
            "exists_one" => (s => CelMacros.ExistsOne(target(s), predicate, local, s), CelType.Bool, false),
            "filter" => (s => CelMacros.Filter(target(s), predicate, local, s), targetType, false),
            _ => (s => CelMacros.Map(target(s), predicate, local, s), CelType.ListOf(bodyType), false),
        };
    }
}
