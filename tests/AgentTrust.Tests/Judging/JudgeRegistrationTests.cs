using AgentTrust.Domain.Judging;
using AgentTrust.Judges;
using AgentTrust.Judges.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Tests.Judging;

public sealed class JudgeRegistrationTests
{
    static IConfiguration Configuration(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{JudgesOptions.SectionName}:{s.Key}", s.Value)))
        .Build();

    [Fact]
    public void AddAgentTrustJudges_Defaults_RegistersTheThreeLocalJudges()
    {
        using var provider = new ServiceCollection().AddAgentTrustJudges(Configuration()).BuildServiceProvider();

        Assert.Equal(["precedent-knn", "rules", "ticket-text-classifier"], provider.GetServices<IJudge>().Select(j => j.Id).Order(StringComparer.Ordinal));
        Assert.IsType<InMemoryJudgeReliabilityStore>(provider.GetRequiredService<IJudgeReliabilityStore>());
    }

    [Fact]
    public async Task AddAgentTrustJudges_LlmJudgeConfigured_UsesItsKeyedChatClient()
    {
        var client = new ScriptedChatClient(ScriptedChatClient.Answer("""{"verdict":"fail","score":0.2,"rationale":"tone unfit for a customer"}"""));
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IChatClient>("llm-a", client);
        services.AddAgentTrustJudges(Configuration(("EnableLocalJudges", "false"), ("Llm:0:Id", "llm-a"), ("Llm:0:Model", "gpt-test"), ("Llm:0:TimeoutSeconds", "3")));
        using var provider = services.BuildServiceProvider();

        var judge = Assert.Single(provider.GetServices<IJudge>());
        var verdict = await judge.JudgeAsync(JudgeSamples.Request("{\"message\":\"hello\"}", "{}", actionType: "reply"), default);

        Assert.IsType<LlmJudge>(judge);
        Assert.Equal("llm-a", judge.Id);
        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal("gpt-test", verdict.ModelId);
        Assert.Equal(1, client.Calls);
    }

    [Fact]
    public void AddAgentTrustJudges_LlmJudgeWithoutKey_FailsWithClearError()
    {
        var services = new ServiceCollection().AddAgentTrustJudges(Configuration(
            ("EnableLocalJudges", "false"), ("Llm:0:Id", "llm-b"), ("Llm:0:Model", "gpt-test"), ("Llm:0:ApiKeyEnvironmentVariable", "AGENTTRUST_TEST_NO_SUCH_KEY_VARIABLE")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetServices<IJudge>().ToList());
        Assert.Contains("AGENTTRUST_TEST_NO_SUCH_KEY_VARIABLE", error.Message, StringComparison.Ordinal);
    }
}
