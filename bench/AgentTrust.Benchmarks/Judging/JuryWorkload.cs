using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Judges;
using AgentTrust.Judges.Classification;
using AgentTrust.Judges.Local;
using AgentTrust.Judges.Precedent;
using AgentTrust.Judges.Rules;
using Microsoft.Extensions.Options;

namespace AgentTrust.Benchmarks.Judging;

/// <summary>
/// The local jury as the workflow runs it, without the durable plumbing: the three local judges on one judged clause,
/// in parallel, then the aggregation. Actions are built from real held-out tickets, so inputs vary like real traffic.
/// </summary>
public sealed class JuryWorkload
{
    static readonly PactClause Clause = new("classification-consistent", "the classification agrees with the ticket", ClauseSeverity.Major, VerificationMethod.Judged);

    public JuryWorkload(string? cachePath = null)
    {
        var models = new LocalJudgeModels(Options.Create(new JudgesOptions { ModelCachePath = cachePath }));
        models.WarmUp();
        Judges = [new TicketClassifierJudge(models), new PrecedentJudge(models), new RulesJudge()];
        var (_, heldOut) = TicketTextClassifier.Split("category");
        string[] categories = ["Category 26", "Category 42", "Category 53", "Category 46"];
        Requests = [.. heldOut.Take(500).Select((t, i) => JudgeRequest.For(Clause, new ProposedAction(
            "bench", "incident-classification",
            new TicketReference("servicenow", $"INC{i:D7}", JsonSerializer.SerializeToElement(new { body = t.Text, category = categories[i % categories.Length], subcategory = "Subcategory 174" })),
            "classify",
            JsonSerializer.SerializeToElement(new { category = t.Label, priority = 2 + (i % 3) }),
            0.9, $"k{i}", "text and precedent agree")))];
        Reliability = Judges.Aggregate(ReliabilityBook.Empty, (book, j) => j.MeasuredReliability is { } r ? book.With(r) : book);
    }

    public IJudge[] Judges { get; }

    public JudgeRequest[] Requests { get; }

    public ReliabilityBook Reliability { get; }

    public async Task<JuryResult> JudgeAsync(JudgeRequest request)
    {
        var verdicts = await Task.WhenAll(Judges.Select(j => j.JudgeAsync(request, CancellationToken.None).AsTask())).ConfigureAwait(false);
        return Jury.Aggregate(request.ClauseId, verdicts, Reliability, JuryPolicy.Default);
    }
}
