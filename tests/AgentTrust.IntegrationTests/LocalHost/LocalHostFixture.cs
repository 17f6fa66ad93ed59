using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.LocalHost;

/// <summary>One local host process on Azurite shared by the HTTP tests of a class, on a task hub of its own.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    readonly AzuriteFixture azurite = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public string ConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        Host = await LocalHostProcess.StartAsync(azurite.ConnectionString, "http" + Guid.NewGuid().ToString("N")[..8]);
        Api = new ApiClient(Host.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
