using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Cel;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// Compiles a pact's CEL conditions once with the <c>Cel</c> package's interpreter and caches compiled pacts by
/// content hash, so a pact version is compiled once per process however many actions it governs.
/// </summary>
public sealed class CelPactCompiler
{
    readonly ConcurrentDictionary<string, CompiledPact> cache = new(StringComparer.Ordinal);

    public CompiledPact Compile(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var hash = PactHash.Compute(pact);
        return cache.GetOrAdd(hash, static (_, p) => new CelCompiledPact(p), pact);
    }

    sealed class CelCompiledPact : CompiledPact
    {
        readonly (PactClause Clause, CelProgramDelegate? Condition, CelProgramDelegate? Guard)[] clauses;

        public CelCompiledPact(Pact pact)
            : base(pact)
        {
            var environment = new CelEnvironment(Array.Empty<Google.Protobuf.Reflection.FileDescriptor>(), string.Empty);
            var errors = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            clauses = new (PactClause, CelProgramDelegate?, CelProgramDelegate?)[pact.Clauses.Count];
            for (var i = 0; i < pact.Clauses.Count; i++)
            {
                var clause = pact.Clauses[i];
                if (!seen.Add(clause.Id))
                {
                    errors.Add($"clauses[{i}].id: '{clause.Id}' is used twice");
                }

                CelProgramDelegate? condition = null;
                CelProgramDelegate? guard = null;
                if (clause.Method == VerificationMethod.Deterministic)
                {
                    condition = CompileOrRecord(environment, clause.Condition, $"clauses[{i}].condition", errors);
                }

                if (!string.IsNullOrWhiteSpace(clause.When))
                {
                    guard = CompileOrRecord(environment, clause.When, $"clauses[{i}].when", errors);
                }

                clauses[i] = (clause, condition, guard);
            }

            if (errors.Count > 0)
            {
                throw new PactCompilationException(errors);
            }
        }

        static CelProgramDelegate? CompileOrRecord(CelEnvironment environment, string expression, string field, List<string> errors)
        {
            try
            {
                return environment.Compile(expression);
            }
#pragma warning disable CA1031 // The parser throws several exception types; each becomes a message for the author.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add($"{field}: the expression does not compile: {ex.Message}");
                return null;
            }
        }

        public override PactEvaluation Evaluate(EvaluationInput input)
        {
            ArgumentNullException.ThrowIfNull(input);
            var variables = BuildVariables(input);
            var results = new ClauseResult[clauses.Length];
            for (var i = 0; i < clauses.Length; i++)
            {
                var (clause, condition, guard) = clauses[i];
                results[i] = EvaluateClause(clause, condition, guard, variables);
            }

            return new PactEvaluation(Hash, Pact.Version, AllowedActions.Contains(input.Action.ActionType), results);
        }

        static ClauseResult EvaluateClause(PactClause clause, CelProgramDelegate? condition, CelProgramDelegate? guard, IDictionary<string, object?> variables)
        {
            try
            {
                if (guard is not null && !IsTrue(guard(variables!)))
                {
                    return new ClauseResult(clause.Id, ClauseOutcome.NotApplicable, clause.Severity);
                }

                if (clause.Method == VerificationMethod.Judged || condition is null)
                {
                    return new ClauseResult(clause.Id, ClauseOutcome.Deferred, clause.Severity, "judged clause: decided by the jury");
                }

                var value = condition(variables!);
                return value switch
                {
                    bool b when b => new ClauseResult(clause.Id, ClauseOutcome.Passed, clause.Severity),
                    bool => new ClauseResult(clause.Id, ClauseOutcome.Violated, clause.Severity, $"condition '{clause.Condition}' is false"),
                    _ => new ClauseResult(clause.Id, ClauseOutcome.Error, clause.Severity, $"condition '{clause.Condition}' did not give true or false"),
                };
            }
#pragma warning disable CA1031 // An expression that fails on this input is an evaluation error, never a pass.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new ClauseResult(clause.Id, ClauseOutcome.Error, clause.Severity, ex.Message);
            }
        }

        static bool IsTrue(object? value) => value is true;

        static Dictionary<string, object?> BuildVariables(EvaluationInput input)
        {
            var action = ToMap(input.Action.Fields);
            action["type"] = input.Action.ActionType;
            action["confidence"] = input.Action.Confidence;
            var ticket = input.Action.Ticket.Fields is { ValueKind: JsonValueKind.Object } fields ? ToMap(fields) : new Dictionary<string, object?>();
            ticket["system"] = input.Action.Ticket.System;
            ticket["id"] = input.Action.Ticket.Id;
            var context = new Dictionary<string, object?>
            {
                ["agent"] = input.Action.AgentId,
                ["lane"] = input.Action.Lane,
                ["now"] = input.Now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["hour"] = (long)input.Now.ToUniversalTime().Hour,
                ["weekday"] = (long)input.Now.ToUniversalTime().DayOfWeek,
            };
            return new Dictionary<string, object?> { ["action"] = action, ["ticket"] = ticket, ["context"] = context };
        }

        static Dictionary<string, object?> ToMap(JsonElement element)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (element.ValueKind != JsonValueKind.Object)
            {
                return map;
            }

            foreach (var property in element.EnumerateObject())
            {
                map[property.Name] = ToValue(property.Value);
            }

            return map;
        }

        static object? ToValue(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => ToMap(element),
            JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
            JsonValueKind.String => element.GetString(),
            // CEL keeps int and double apart: integral JSON numbers are ints, so `priority in [3,4,5]` holds for 3.
            JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
