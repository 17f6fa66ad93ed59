using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using FsCheck.Xunit;

namespace AgentTrust.Tests.Pacts;

/// <summary>
/// Random actions against the ten shipped pacts: the evaluator never throws, gives one result per clause, and is
/// pure (the same input gives the same result). Actions mix declared and unknown fields with values of every JSON
/// kind, wrong types, nulls, huge and tiny numbers, odd strings and nested objects.
/// </summary>
public sealed class EvaluatorPropertyTests
{
    static readonly CompiledPact[] Pacts = [.. Lanes.All.Select(l => CelPactCompiler.CompileUncached(PactLoader.LoadFile(PactFiles.PathOf($"{l}.pact.yaml")).Pact!))];

    [Property(MaxTest = 400)]
    public bool Evaluate_RandomAction_NeverThrowsAndCoversEveryClause(int pactChoice, int[] shape, string[] texts, double[] numbers, double confidence, long nowTicks, int recent)
    {
        var compiled = Pacts[Math.Abs(pactChoice % Pacts.Length)];
        var input = RandomInput(compiled.Pact, shape ?? [], texts ?? [], numbers ?? [], confidence, nowTicks, recent);

        var evaluation = compiled.Evaluate(input);

        return evaluation.Clauses.Count == compiled.Pact.Clauses.Count + (compiled.Pact.RateLimit is null ? 0 : 1)
            && evaluation.Clauses.All(c => Enum.IsDefined(c.Outcome) && (c.Outcome != ClauseOutcome.Error || c.Message is not null));
    }

    [Property(MaxTest = 300)]
    public bool Evaluate_SameInputTwice_GivesTheSameResult(int pactChoice, int[] shape, string[] texts, double[] numbers, double confidence, long nowTicks, int recent)
    {
        var compiled = Pacts[Math.Abs(pactChoice % Pacts.Length)];
        var input = RandomInput(compiled.Pact, shape ?? [], texts ?? [], numbers ?? [], confidence, nowTicks, recent);

        var first = JsonSerializer.Serialize(compiled.Evaluate(input), JsonDefaults.Options);
        // Another pact evaluated in between must not leak into the next result through the reused scope.
        Pacts[(Math.Abs(pactChoice % Pacts.Length) + 1) % Pacts.Length].Evaluate(input);
        var second = JsonSerializer.Serialize(compiled.Evaluate(input), JsonDefaults.Options);

        return first == second;
    }

    internal static EvaluationInput RandomInput(Pact pact, int[] shape, string[] texts, double[] numbers, double confidence, long nowTicks, int recent)
    {
        var names = (pact.ActionSchema?.Keys ?? []).Concat(["unknown_field", "type"]).ToArray();
        var ticketNames = (pact.TicketSchema?.Keys ?? []).Append("extra").ToArray();
        var cursor = 0;
        int Next() => shape.Length == 0 ? 0 : Math.Abs(shape[cursor++ % shape.Length] % 1000);
        string Text() => texts.Length == 0 ? string.Empty : texts[Next() % texts.Length] ?? string.Empty;
        double Number() => numbers.Length == 0 ? 0 : numbers[Next() % numbers.Length];

        string Object(string[] fields)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var name in fields)
                {
                    var kind = Next() % 8;
                    if (kind == 0)
                    {
                        continue; // missing
                    }

                    writer.WritePropertyName(name);
                    WriteValue(writer, kind, depth: 0);
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        void WriteValue(Utf8JsonWriter writer, int kind, int depth)
        {
            switch (kind)
            {
                case 1: writer.WriteNullValue(); break;
                case 2:
                    var n = Number();
                    if (double.IsFinite(n))
                    {
                        writer.WriteNumberValue(n);
                    }
                    else
                    {
                        writer.WriteStringValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case 3: writer.WriteStringValue(Text()); break;
                case 4: writer.WriteBooleanValue(Next() % 2 == 0); break;
                case 5: writer.WriteStringValue(Next() % 2 == 0 ? "2026-11-26T10:00:00Z" : "0001-01-01T00:00:00Z"); break;
                case 6 when depth < 2:
                    writer.WriteStartArray();
                    for (var i = Next() % 5; i > 0; i--)
                    {
                        WriteValue(writer, 1 + (Next() % 7), depth + 1);
                    }

                    writer.WriteEndArray();
                    break;
                case 7 when depth < 2:
                    writer.WriteStartObject();
                    writer.WritePropertyName("nested");
                    WriteValue(writer, 1 + (Next() % 7), depth + 1);
                    writer.WriteEndObject();
                    break;
                default: writer.WriteNumberValue(Next()); break;
            }
        }

        var fields = JsonDocument.Parse(Object(names)).RootElement;
        var ticketFields = JsonDocument.Parse(Object(ticketNames)).RootElement;
        var now = new DateTimeOffset(Math.Abs(nowTicks % DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
        var action = new ProposedAction(
            pact.AgentId,
            pact.Lane,
            new TicketReference("servicenow", Text().Length == 0 ? "INC0000045" : Text(), Next() % 4 == 0 ? null : ticketFields),
            Next() % 3 == 0 ? Text() : pact.AllowedActions[Next() % pact.AllowedActions.Count],
            fields,
            confidence,
            "k");
        return EvaluationInput.For(action, now, recent);
    }
}
