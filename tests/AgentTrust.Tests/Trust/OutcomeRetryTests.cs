using System.Text;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Trust;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;

namespace AgentTrust.Tests.Trust;

/// <summary>Found by <c>agenttrust chaos</c>: a sender retries an outcome after the host died between storing and attributing it.</summary>
public sealed class OutcomeRetryTests
{
    static readonly DateTimeOffset Decided = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PostOutcome_RetryWithAnotherTimeAfterACrashBeforeAttribution_AttributesTheFirstStoredCopy()
    {
        var outcomes = new InMemoryOutcomeStore();
        var attribution = new InMemoryTrustAttributionIndex();
        var store = new InMemoryTrustStore();
        var trust = new TrustEngine(new InMemoryEvidenceStore(), store, attribution, TrustParameters.Default, TimeProvider.System);
        await attribution.RecordAsync(new TrustAttribution("servicenow", "INC1", "agent-a", "incident-classification", "act-1", Decided));
        var first = Decided.AddHours(1);
        // The first delivery was stored, then the host died before the outcome was attributed.
        Assert.True(await outcomes.AddAsync(new TicketOutcome("evt-1", "servicenow", "INC1", TicketOutcomeKind.Resolved, first, AgentId: "agent-a", ActionId: "act-1")));

        // The sender retries with the same event id but a fresh occurredAt, as many senders stamp each attempt.
        var body = $$"""{"eventId":"evt-1","ticketSystem":"servicenow","ticketId":"INC1","kind":"resolved","occurredAt":"{{Decided.AddHours(2):O}}","agentId":"agent-a","actionId":"act-1"}""";
        var response = await new PostOutcomeHandler(outcomes, trust, Options.Create(new ApiOptions())).HandleAsync(
            new ApiRequest { Method = "POST", Url = new Uri("http://localhost/api/outcomes"), Body = Encoding.UTF8.GetBytes(body), Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" } },
            new Mock<DurableTaskClient>("test").Object,
            default);

        Assert.Equal(200, response.Status);
        var signal = Assert.Single(await store.RecentSignalsAsync("agent-a", "incident-classification", 10));
        Assert.Equal(first, signal.OccurredAt);
        Assert.Equal(first, (await store.GetAsync("agent-a", "incident-classification"))!.LastEventAt);
    }
}
