using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>One HTTP endpoint: its function name, method, route template and the shared handler behind it.</summary>
public sealed record ApiEndpoint(
    string Name,
    string Method,
    string Route,
    Func<ApiRequest, DurableTaskClient, CancellationToken, Task<ApiResponse>> Handle);
