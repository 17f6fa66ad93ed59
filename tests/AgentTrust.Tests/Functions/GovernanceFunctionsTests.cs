using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Pacts;
using AgentTrust.Functions.Tasks;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Tests.Support;

namespace AgentTrust.Tests.Functions;

public sealed class GovernanceFunctionsTests
{
    [Fact]
    public async Task Decide_ActivityTrigger_RunsTheRegisteredActivityClass()
    {
        var (context, services) = FunctionsTestContext.Create(new Dictionary<string, object?> { ["instanceId"] = "act-1" });
        using var _ = services;
        var functions = new GovernanceFunctions(new AgentTrustTaskCatalog(), services);
        var pact = Samples.ClassificationPact();
        var action = Samples.Classify(priority: 1, confidence: 0.99);
        var evaluation = new CelPactCompiler().Compile(pact).Evaluate(EvaluationInput.For(action, Samples.Now));

        var decision = await functions.Decide(new DecideRequest(pact, evaluation, action), context.Object);

        Assert.Equal(DecisionKind.Block, decision.Kind);
    }

    [Fact]
    public async Task LookUpPact_ActivityTrigger_ReadsThePactStore()
    {
        var (context, services) = FunctionsTestContext.Create();
        using var _ = services;
        var store = (InMemoryPactStore)services.GetService(typeof(AgentTrust.Orchestrations.Pacts.IPactStore))!;
        await store.PublishAsync(Samples.ClassificationPact(), Samples.Now);
        var functions = new GovernanceFunctions(new AgentTrustTaskCatalog(), services);

        var pact = await functions.LookUpPact(new AgentTrust.Orchestrations.Pacts.PactKey("classifier-01", "incident-classification"), context.Object);

        Assert.Equal(PactHash.Compute(Samples.ClassificationPact()), pact!.Hash);
    }
}
