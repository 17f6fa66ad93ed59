using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts.Loading;
using YamlDotNet.Core;

namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>
/// Runs a pact's examples through the real path: compile the pact, evaluate each example action, apply the
/// example's jury verdicts to judged clauses, and decide with <see cref="DecisionPolicy"/> — the same function the
/// governed loop uses — so a passing examples file means the pact decides those actions that way in production.
/// </summary>
public static class PactExampleRunner
{
    public static readonly IReadOnlyList<string> Outcomes = ["allow", "human", "block", "shadow"];

    /// <summary>Reads an examples file (YAML or JSON); throws <see cref="FormatException"/> naming the line when it cannot.</summary>
    public static PactExampleFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var reader = new YamlJsonReader();
        JsonNode? tree;
        try
        {
            tree = reader.Read(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        try
        {
            var file = tree.Deserialize<PactExampleFile>(JsonDefaults.Options) ?? throw new FormatException($"{path}: the file is empty");
            if (string.IsNullOrEmpty(file.Pact) || file.Examples is null)
            {
                throw new FormatException($"{path}: 'pact' (the pact file) and 'examples' are required");
            }

            for (var i = 0; i < file.Examples.Count; i++)
            {
                if (!Outcomes.Contains(file.Examples[i].Expect))
                {
                    var at = reader.Locations.TryGetValue($"/examples/{i}/expect", out var location) ? $"{location.Line}:{location.Column}: " : string.Empty;
                    throw new FormatException($"{path}:{at}examples[{i}].expect must be one of {string.Join(", ", Outcomes)}");
                }
            }

            return file;
        }
        catch (JsonException ex)
        {
            var pointer = ex.Path is null ? string.Empty : PactLoader.FieldToPointer(ex.Path.TrimStart('$').TrimStart('.'));
            var at = reader.Locations.TryGetValue(pointer, out var location) ? $"{location.Line}:{location.Column}: " : string.Empty;
            throw new FormatException($"{path}:{at}{ex.Path}: {ex.Message}", ex);
        }
    }

    public static IReadOnlyList<PactExampleResult> Run(CompiledPact compiled, PactExampleFile file)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(file);
        var results = new List<PactExampleResult>(file.Examples.Count);
        for (var i = 0; i < file.Examples.Count; i++)
        {
            results.Add(Run(compiled, file.Examples[i], file.Now, i));
        }

        return results;
    }

    public static PactExampleResult Run(CompiledPact compiled, PactExample example, DateTimeOffset now, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(example);
        var pact = compiled.Pact;
        var action = new ProposedAction(
            pact.AgentId,
            pact.Lane,
            example.Ticket ?? new TicketReference("example", "EX-" + index),
            example.Type ?? pact.AllowedActions[0],
            example.Fields ?? JsonDocument.Parse("{}").RootElement,
            example.Confidence,
            "example-" + index,
            example.Rationale);

        var evaluation = compiled.Evaluate(EvaluationInput.For(action, example.Now ?? now, example.RecentActions));
        if (example.Judgments is { Count: > 0 } judgments)
        {
            // Stand in for the jury: its verdict replaces a deferred judged clause, exactly as the loop records it.
            evaluation = evaluation with
            {
                Clauses = [.. evaluation.Clauses.Select(c => c.Outcome == ClauseOutcome.Deferred && judgments.TryGetValue(c.ClauseId, out var verdict)
                    ? c with { Outcome = verdict, Message = "judged by the example's jury verdict" }
                    : c)],
            };
        }

        var decision = DecisionPolicy.Decide(pact, evaluation, action);
        var outcome = OutcomeOf(decision.Kind);
        var mismatches = new List<string>();
        if (outcome != example.Expect)
        {
            mismatches.Add($"expected {example.Expect}, got {outcome}: {string.Join("; ", decision.Reasons)}");
        }

        foreach (var (clauseId, expected) in example.Clauses ?? new Dictionary<string, ClauseOutcome>())
        {
            var actual = evaluation.Clauses.FirstOrDefault(c => c.ClauseId == clauseId);
            if (actual is null)
            {
                mismatches.Add($"clause '{clauseId}' is not in the pact");
            }
            else if (actual.Outcome != expected)
            {
                mismatches.Add($"clause '{clauseId}': expected {Name(expected)}, got {Name(actual.Outcome)}{(actual.Message is null ? string.Empty : " (" + actual.Message + ")")}");
            }
        }

        return new PactExampleResult(example, outcome, decision, evaluation, mismatches);
    }

    public static string OutcomeOf(DecisionKind kind) => kind switch
    {
        DecisionKind.AutoApply => "allow",
        DecisionKind.RequireApproval => "human",
        DecisionKind.Shadow => "shadow",
        _ => "block",
    };

    static string Name(ClauseOutcome outcome) => JsonSerializer.Serialize(outcome, JsonDefaults.Options).Trim('"');
}
