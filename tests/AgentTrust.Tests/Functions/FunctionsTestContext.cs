using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AgentTrust.Tests.Functions;

/// <summary>A mocked <see cref="FunctionContext"/> whose services are AgentTrust's, with in-memory stores.</summary>
internal static class FunctionsTestContext
{
    public static (Mock<FunctionContext> Context, ServiceProvider Services) Create(IDictionary<string, object?>? bindingData = null)
    {
        var services = new ServiceCollection()
            .AddAgentTrustServices(new ConfigurationBuilder()
                // Clients are made but never called: the stores below are in memory.
                .AddInMemoryCollection([new("AgentTrust:Storage:ConnectionString", "UseDevelopmentStorage=true")])
                .Build())
            .AddSingleton<IPactStore, InMemoryPactStore>()
            .AddSingleton<IEvidenceStore, InMemoryEvidenceStore>()
            .BuildServiceProvider();
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?>(bindingData ?? new Dictionary<string, object?>()));
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.InstanceServices).Returns(services);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return (context, services);
    }
}
