namespace AgentTrust.Cli.Chaos;

/// <summary>
/// How hard and how long <c>agenttrust chaos</c> shakes the local host. Host lifetimes are drawn uniformly from
/// [<see cref="MinLifeSeconds"/>, <see cref="MaxLifeSeconds"/>] after the host answers, so kills land anywhere: inside
/// activities, between history writes, while workflows wait for a person.
/// </summary>
public sealed record ChaosOptions
{
    /// <summary>Host SIGKILLs to deliver before the stream stops.</summary>
    public int Kills { get; init; } = 100;

    /// <summary>Stops the chaos phase early when it has run this long (null: until <see cref="Kills"/>).</summary>
    public TimeSpan? Duration { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Proposed actions per second (the default is what a 2-core machine's local host keeps up with through the kills).</summary>
    public double Rate { get; init; } = 0.3;

    /// <summary>Restart Azurite during every K-th host life (0: never).</summary>
    public int AzuriteRestartEvery { get; init; } = 10;

    public int Agents { get; init; } = 4;

    public double MinLifeSeconds { get; init; } = 10;

    public double MaxLifeSeconds { get; init; } = 20;

    /// <summary>Longest wait for a person's answer after the action is accepted (drawn uniformly from zero).</summary>
    public double MaxApprovalDelaySeconds { get; init; } = 10;

    /// <summary>The longest time, after the last kill, every accepted action gets to reach its final decision.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The drain gives up earlier when no action settled for this long (stuck, not slow).</summary>
    public TimeSpan DrainStall { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Where Azurite's data, the host logs and the report go (a new temporary folder when null).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The <c>agenttrust.dll</c> run as the host (<c>dotnet DLL serve</c>); this program's own by default.</summary>
    public string? HostDll { get; init; }

    /// <summary>Extra host settings (<c>KEY=VALUE</c>, passed to <c>serve</c> as <c>--KEY=VALUE</c>), e.g. a longer queue visibility timeout.</summary>
    public IReadOnlyList<string> HostSettings { get; init; } = [];

    /// <summary>The Azurite launcher (<c>node_modules/.bin/azurite</c>); found above this program or the current folder by default.</summary>
    public string? AzuritePath { get; init; }
}
