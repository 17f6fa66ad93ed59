using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Judges.Classification;
using AgentTrust.Judges.Data;
using AgentTrust.Judges.Local;
using AgentTrust.Judges.Precedent;
using AgentTrust.Judges.Rules;
using Microsoft.Extensions.Options;

namespace AgentTrust.Judges.Evaluation;

/// <summary>
/// Measures the local judges on the held-out fifth of their data and prints the Markdown of docs/judges.md:
/// each model's accuracy, macro-F1 and expected calibration error, and each judge's on proposals that are right
/// (the record's real label) or wrong (another label, drawn with a fixed seed). Usage:
/// <c>agenttrust judges evaluate [--cache DIR]</c>.
/// </summary>
public static class JudgeEvaluationCommand
{
    const int Seed = 7;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = new JudgesOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cache" && i + 1 < args.Length)
            {
                options.ModelCachePath = args[++i];
            }
            else
            {
                stderr.WriteLine($"unknown argument '{args[i]}'; usage: judges evaluate [--cache DIR]");
                return Task.FromResult(2);
            }
        }

        return RunCoreAsync(options, stdout);
    }

    static async Task<int> RunCoreAsync(JudgesOptions options, TextWriter stdout)
    {
        var clock = Stopwatch.StartNew();
        var models = new LocalJudgeModels(Options.Create(options));
        models.WarmUp();
        var warmUp = clock.Elapsed;

        var w = stdout;
        w.WriteLine("| model | held-out rows | classes | accuracy | macro-F1 | ECE | majority-class accuracy |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var classifier in models.Classifiers)
        {
            var (_, test) = TicketTextClassifier.Split(classifier.LabelName);
            Row(w, $"ticket text → {classifier.LabelName} (ML.NET SDCA maximum entropy)", classifier.HeldOut, Majority(test.Select(t => t.Label)));
        }

        var incidents = models.PrecedentHeldOutRows;
        Row(w, $"precedent k-NN → priority (k={IncidentPrecedents.K})", models.Precedents.Measure(incidents), Majority(incidents.Select(r => r.Priority.ToString(CultureInfo.InvariantCulture))));
        w.WriteLine();

        w.WriteLine("| judge | proposals (half right, half wrong) | accuracy | macro-F1 (pass/fail) | ECE | abstained |");
        w.WriteLine("|---|---|---|---|---|---|");
        var random = new Random(Seed);
        var classifierJudge = new TicketClassifierJudge(models);
        var (_, tickets) = TicketTextClassifier.Split("category");
        var categories = models.Category.Labels;
        var classifierCases = tickets.SelectMany(t => new[]
        {
            (Request(new { category = t.Label }, new { body = t.Text }), true),
            (Request(new { category = Other(categories, t.Label, random) }, new { body = t.Text }), false),
        }).ToList();
        JudgeRow(w, classifierJudge.Id, await MeasureAsync(classifierJudge, classifierCases).ConfigureAwait(false));

        var precedentJudge = new PrecedentJudge(models);
        var precedentCases = incidents.SelectMany(r => new[]
        {
            (Request(new { priority = r.Priority }, Ticket(r.Fields)), true),
            (Request(new { priority = Other([1, 2, 3, 4], r.Priority, random) }, Ticket(r.Fields)), false),
        }).ToList();
        JudgeRow(w, precedentJudge.Id, await MeasureAsync(precedentJudge, precedentCases).ConfigureAwait(false));

        var rulesJudge = new RulesJudge();
        var records = JudgeData.Records(JudgeData.IncidentFinalStates).Where(r => JudgeData.IsHeldOut("uci:" + r["number"])).ToList();
        var rulesCases = records.SelectMany(r =>
        {
            var impact = ActionFields.Level(r["impact"]) ?? 2;
            var urgency = ActionFields.Level(r["urgency"]) ?? 2;
            var priority = ActionFields.Level(r["priority"]) ?? 3;
            var wrong = priority <= 2 ? priority + 2 : priority - 2;
            return new[]
            {
                (Request(new { impact, urgency, priority }, new { }, "a rationale was given"), true),
                (Request(new { impact, urgency, priority = wrong }, new { }, "a rationale was given"), false),
            };
        }).ToList();
        JudgeRow(w, rulesJudge.Id + " (priority matrix on the UCI records)", await MeasureAsync(rulesJudge, rulesCases).ConfigureAwait(false));
        w.WriteLine();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Training or loading every model took {warmUp.TotalSeconds:0.0} s; the whole evaluation {clock.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    static async Task<(ClassificationMetrics Metrics, int Abstained)> MeasureAsync(IJudge judge, List<(JudgeRequest Request, bool Holds)> cases)
    {
        var predictions = new List<Prediction>();
        var abstained = 0;
        foreach (var (request, holds) in cases)
        {
            var verdict = await judge.JudgeAsync(request, CancellationToken.None).ConfigureAwait(false);
            if (verdict.Verdict == Verdict.Abstain)
            {
                abstained++;
                continue;
            }

            var said = verdict.Verdict == Verdict.Pass ? "pass" : "fail";
            predictions.Add(new Prediction(holds ? "pass" : "fail", said, verdict.Verdict == Verdict.Pass ? verdict.Score : 1 - verdict.Score));
        }

        return (ClassificationMetrics.Compute(predictions), abstained);
    }

    static readonly PactClause Clause = new("classification-consistent", "consistent", ClauseSeverity.Major, VerificationMethod.Judged);

    static JudgeRequest Request(object fields, object ticket, string? rationale = "proposed by the evaluation") => JudgeRequest.For(Clause, new ProposedAction(
        "evaluation", "incident-classification", new TicketReference("evaluation", "row", JsonSerializer.SerializeToElement(ticket)),
        "classify", JsonSerializer.SerializeToElement(fields), 1, "evaluation", rationale));

    static Dictionary<string, string?> Ticket(string?[] fields) =>
        IncidentPrecedents.Fields.Select((f, i) => (f.Column, fields[i])).ToDictionary(p => p.Column, p => p.Item2, StringComparer.Ordinal);

    static T Other<T>(IReadOnlyList<T> all, T truth, Random random)
    {
        var others = all.Where(a => !EqualityComparer<T>.Default.Equals(a, truth)).ToList();
        return others[random.Next(others.Count)];
    }

    static double Majority(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        return list.Count == 0 ? 0 : list.GroupBy(l => l, StringComparer.Ordinal).Max(g => g.Count()) / (double)list.Count;
    }

    static void Row(TextWriter w, string name, ClassificationMetrics m, double majority) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Count} | {m.Classes} | {m.Accuracy:0.000} | {m.MacroF1:0.000} | {m.Ece:0.000} | {majority:0.000} |"));

    static void JudgeRow(TextWriter w, string name, (ClassificationMetrics Metrics, int Abstained) r) =>
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Metrics.Count + r.Abstained} | {r.Metrics.Accuracy:0.000} | {r.Metrics.MacroF1:0.000} | {r.Metrics.Ece:0.000} | {r.Abstained} |"));
}
