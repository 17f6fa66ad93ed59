using System.Text.Json;
using AgentTrust.Orchestrations.Hosting;
using AgentTrust.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentTrust.Tests.Hosting;

/// <summary>
/// The versioning rule on a real Durable Task worker (the in-process test host): this version and older run, a newer
/// one waits in the queue for a newer worker instead of replaying on old code. And the Functions app's host.json states
/// the same rule as the local host.
/// </summary>
public sealed class WorkflowVersioningTests : IAsyncLifetime
{
    const string Probe = "VersionProbe";
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await TestHostStarter.StartAsync(
            registry => registry.AddOrchestratorFunc<string?, string>(Probe, (context, _) => Task.FromResult(context.Version)),
            new DurableTaskTestHostOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services => services.Configure<DurableTaskWorkerOptions>(options => options.Versioning = WorkflowVersioning.WorkerOptions()),
            });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Worker_InstanceOfTheCurrentVersion_RunsAndSeesItsVersion()
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(Probe, null, new StartOrchestrationOptions { Version = WorkflowVersioning.Current });

        var done = await WaitAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(WorkflowVersioning.Current, done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Worker_InstanceStartedBeforeVersioning_RunsAsOlder()
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(Probe, null, new StartOrchestrationOptions());

        var done = await WaitAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(string.IsNullOrEmpty(done.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task Worker_InstanceOfANewerVersion_IsLeftForANewerWorker()
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(Probe, null, new StartOrchestrationOptions { Version = "1.1" });
        // A control started after it completes, so the worker has had its turn at the newer one too.
        var control = await host.Client.ScheduleNewOrchestrationInstanceAsync(Probe, null, new StartOrchestrationOptions { Version = WorkflowVersioning.Current });
        await WaitAsync(control, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var newer = await host.Client.GetInstanceAsync(id);

        Assert.NotNull(newer);
        // Rejected back to the queue: neither run on this worker's code nor failed.
        Assert.Equal(OrchestrationRuntimeStatus.Pending, newer.RuntimeStatus);
    }

    [Fact]
    public void HostJson_DurableTask_StatesTheSameVersioningRule()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var durable = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var rule = WorkflowVersioning.WorkerOptions();

        Assert.Equal(WorkflowVersioning.Current, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal(rule.MatchStrategy.ToString(), durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal(rule.FailureStrategy.ToString(), durable.GetProperty("versionFailureStrategy").GetString());
    }

    async Task<OrchestrationMetadata> WaitAsync(string id, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token);
    }
}
