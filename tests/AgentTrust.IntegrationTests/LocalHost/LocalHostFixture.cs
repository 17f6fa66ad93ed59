using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>
/// One local host process on its own Azurite, shared by the HTTP tests of a class, on a task hub of its own. Fixtures
/// that need a differently configured host derive from it and name their hub and settings.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    readonly AzuriteFixture azurite = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public string ConnectionString => azurite.ConnectionString;

    /// <summary>The start of the task hub's name (a random suffix follows), so a host's logs tell which fixture it served.</summary>
    protected virtual string TaskHubPrefix => "http";

    /// <summary>The host's settings beyond storage and task hub, as <c>--Section:Key=value</c> arguments.</summary>
    protected virtual IEnumerable<string> HostArguments => [];

    public virtual async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(azurite.ConnectionString, TaskHubPrefix + Guid.NewGuid().ToString("N")[..8], [.. HostArguments]);
        Api = new ApiClient(Host.BaseUrl);
    }

    public virtual async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
