using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Pacts;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Cel;

namespace AgentTrust.Benchmarks;

/// <summary>
/// One decision under a 10-clause pact: bind the action's fields, evaluate every clause, decide. The pact is
/// compiled once in setup, as the loop does (compiled pacts are cached by hash). Goal: under 2 us median, under
/// 10 us p99, under 1 KB allocated per decision.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class PactEvaluatorBenchmarks
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    // Ten deterministic clauses covering the kinds: allowed values, forbidden actions, thresholds,
    // citations, a change window, a blast-radius cap, a list macro, string functions, a guard and the rate limit.
    static readonly Pact TenClauses = new(
        "classifier-01",
        "incident-classification",
        1,
        "owner@example.com",
        ["classify"],
        [
            new("priority-allowed", "action.priority in [2, 3, 4]", ClauseSeverity.Critical),
            new("not-forbidden", "action.type != 'delete' && action.type != 'close'", ClauseSeverity.Critical),
            new("confidence", "action.confidence >= 0.8", ClauseSeverity.Major),
            new("cites-kb", "size(action.kb_articles) > 0", ClauseSeverity.Minor),
            new("kb-format", "action.kb_articles.all(k, k.startsWith('KB'))", ClauseSeverity.Minor),
            new("change-window", "context.weekday in [1, 2, 3, 4, 5] && context.hour >= 6 && context.hour < 20", ClauseSeverity.Major),
            new("blast-radius", "action.affected_cis <= 5", ClauseSeverity.Major),
            new("category", "action.category.startsWith('Category ')", ClauseSeverity.Major),
            new("matrix", "action.priority == action.impact + action.urgency - 1", ClauseSeverity.Major, When: "action.impact + action.urgency - 1 <= 4"),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, 0.8),
        new ApprovalPolicy(["service-desk-leads"], 3600),
        ActionSchema: new Dictionary<string, FieldType>
        {
            ["priority"] = FieldType.Integer,
            ["impact"] = FieldType.Integer,
            ["urgency"] = FieldType.Integer,
            ["category"] = FieldType.String,
            ["kb_articles"] = FieldType.StringList,
            ["affected_cis"] = FieldType.Integer,
        },
        RateLimit: new RateLimit(120));

    /// <summary>The same pact with downside ratings (a P1 rule and a blast-radius rule), decided under a live autonomous tier.</summary>
    static readonly Pact TenClausesWithDownside = TenClauses with
    {
        Downside = new DownsidePolicy(
            [
                new DownsideRule("p1", "action.priority == 1", DownsideLevel.High),
                new DownsideRule("wide", "action.affected_cis > 3", DownsideLevel.Medium),
            ],
            Medium: new DownsideRequirement(MinLowerBound: 0.8)),
    };

    static readonly AgentTrust.Domain.Autonomy.AutonomyStanding Autonomous = new(AutonomyTier.Autonomous, 0.9, 0.9, false, "promoted");

    CompiledPact compiled = null!;
    CompiledPact compiledWithDownside = null!;
    EvaluationInput input = null!;
    (string Id, CelProgramDelegate Program)[] celPrograms = null!;

    [GlobalSetup]
    public void Setup()
    {
        compiled = CelPactCompiler.CompileUncached(TenClauses);
        compiledWithDownside = CelPactCompiler.CompileUncached(TenClausesWithDownside);
        var fields = JsonDocument.Parse("""{"priority":3,"impact":2,"urgency":2,"category":"Category 55","kb_articles":["KB0010123","KB0010200"],"affected_cis":2}""").RootElement;
        var action = new ProposedAction("classifier-01", "incident-classification", new TicketReference("servicenow", "INC0000045"), "classify", fields, 0.92, "k-1");
        input = EvaluationInput.For(action, Now, 3);
        var evaluation = compiled.Evaluate(input);
        if (evaluation.Clauses.Count != 10 || evaluation.Clauses.Any(c => c.Outcome is not (ClauseOutcome.Passed)))
        {
            throw new InvalidOperationException("the benchmark action should pass all ten clauses: " + string.Join(", ", evaluation.Clauses.Select(c => $"{c.ClauseId}={c.Outcome}")));
        }

        var environment = new CelEnvironment(Array.Empty<Google.Protobuf.Reflection.FileDescriptor>(), string.Empty);
        celPrograms = [.. TenClauses.Clauses.Select(c => (c.Id, environment.Compile(c.Condition))), ("rate-limit", environment.Compile("context.recent_actions < 120"))];
    }

    /// <summary>Evaluate the ten clauses (the pact's result tree).</summary>
    [Benchmark(Baseline = true)]
    public PactEvaluation Evaluate() => compiled.Evaluate(input);

    /// <summary>Evaluate and decide: what the governed loop does per action.</summary>
    [Benchmark]
    public Decision EvaluateAndDecide() => DecisionPolicy.Decide(TenClauses, compiled.Evaluate(input), input.Action);

    /// <summary>Evaluate (with two downside rules) and decide under a live tier: the loop since autonomy follows trust.</summary>
    [Benchmark]
    public Decision EvaluateAndDecideWithDownsideAndStanding() =>
        DecisionPolicy.Decide(TenClausesWithDownside, compiledWithDownside.Evaluate(input), input.Action, standing: Autonomous);

    /// <summary>The previous evaluator for comparison: the Cel package's interpreter, programs compiled once, inputs as dictionaries.</summary>
    [Benchmark]
    public int CelInterpreterWithDictionaries()
    {
        var variables = new Dictionary<string, object?>
        {
            ["action"] = new Dictionary<string, object?>
            {
                ["type"] = input.Action.ActionType,
                ["confidence"] = input.Action.Confidence,
                ["priority"] = 3L,
                ["impact"] = 2L,
                ["urgency"] = 2L,
                ["category"] = "Category 55",
                ["kb_articles"] = new List<object?> { "KB0010123", "KB0010200" },
                ["affected_cis"] = 2L,
            },
            ["context"] = new Dictionary<string, object?>
            {
                ["hour"] = (long)Now.Hour,
                ["weekday"] = (long)Now.DayOfWeek,
                ["recent_actions"] = 3L,
                ["now"] = Now.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        var passed = 0;
        foreach (var (_, program) in celPrograms)
        {
            passed += program(variables!) is true ? 1 : 0;
        }

        return passed;
    }

    sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(20).WithLaunchCount(1).WithId("Pact"));
            AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95, new P99Column());
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
