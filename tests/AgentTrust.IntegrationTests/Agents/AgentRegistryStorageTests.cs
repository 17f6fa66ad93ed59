using System.Text;
using AgentTrust.Domain.Agents;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Trust;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.IntegrationTests.Trust;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Agents;

/// <summary>The registry in Table storage on Azurite, with real signed evidence and the Table trust store.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgentRegistryStorageTests(AzuriteFixture azurite)
{
    static AgentProfile Profile(string agent, string prompt) => new(
        agent, "desk@example.com", ["incident-classification"], new AgentModel("gpt-4o", "azure-openai"), prompt,
        new Dictionary<string, string> { ["servicenow"] = "1.4.0" }, new AgentContact("desk@example.com"));

    static TableAgentRegistry Registry(TrustRig rig) =>
        new(rig.Evidence.Clients, Options.Create(new AgentRegistryOptions { TableName = "agents" + Guid.NewGuid().ToString("N")[..10] }));

    [Fact]
    public async Task SaveAsync_ConcurrentNewVersions_EveryVersionTakenOnceAndHistoryKept()
    {
        using var rig = new TrustRig(azurite);
        var registry = Registry(rig);
        var now = DateTimeOffset.UtcNow;
        await registry.SaveAsync(Profile("router-01", "p0"), now);

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => registry.SaveAsync(Profile("router-01", "p" + i), now.AddSeconds(i))));

        Assert.All(results, r => Assert.Equal(AgentRegistrationChange.NewVersion, r.Change));
        Assert.Equal([2, 3, 4, 5, 6, 7], results.Select(r => r.Registration.Version).Order());
        var versions = await registry.VersionsAsync("router-01");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], versions.Select(v => v.Version));
        Assert.Equal(7, (await registry.GetAsync("router-01"))!.Version);
        Assert.Equal("p0", (await registry.GetAsync("router-01", 1))!.Profile.PromptVersion);
    }

    [Fact]
    public async Task Register_NewVersionOnAzurite_SignedRegistrationEvidenceAndDiscountedTableTrust()
    {
        using var rig = new TrustRig(azurite);
        var registry = Registry(rig);
        var registrar = new AgentRegistrar(registry, rig.Evidence.Store, rig.Store, rig.Engine, TimeProvider.System);
        var handler = new RegisterAgentHandler(registrar, Options.Create(new ApiOptions()));
        await registrar.RegisterAsync(Profile("router-02", "p1"));
        var evaluation = new Domain.Pacts.PactEvaluation("sha256:pact", 1, true, []);
        for (var i = 0; i < 4; i++)
        {
            await rig.Engine.ApplyAsync(TrustSignals.FromDecision("act-" + i, "router-02", "incident-classification", evaluation, null, DateTimeOffset.UtcNow, rig.Engine.Parameters), "servicenow", "INC" + i);
        }

        var body = """{"id":"router-02","owner":"desk@example.com","lanes":["incident-classification"],"model":{"name":"gpt-4o","provider":"azure-openai"},"promptVersion":"p2","toolVersions":{"servicenow":"1.4.0"},"contact":{"email":"desk@example.com"}}""";
        var response = await handler.HandleAsync(new ApiRequest
        {
            Method = "POST",
            Url = new Uri("http://localhost/api/agents"),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
            Body = Encoding.UTF8.GetBytes(body),
        }, null!, default);

        Assert.Equal(200, response.Status);
        var state = (await rig.Store.GetAsync("router-02", "incident-classification"))!;
        Assert.Equal("sha256:pact|agent-v2", state.Version);
        Assert.InRange(state.Conduct.Positive, 1.99, 2.0);
        var records = await rig.Evidence.Store.ListAsync("router-02", AgentRegistrationEvidence.ChainId(2));
        var opened = EvidenceEnvelopes.Open(Assert.Single(records).Content.Span);
        using var keys = new Domain.Evidence.Signing.KeyRing([await rig.Evidence.Signers.Records.GetPublicKeyAsync()]);
        Assert.True(EvidenceEnvelopes.VerifySignatures(opened, keys, out var problem), problem);
        Assert.Equal(EvidenceKinds.AgentRegistration, opened.Draft.Kind);
        Assert.Equal("p2", opened.Draft.Payload.GetProperty("profile").GetProperty("promptVersion").GetString());
    }
}
