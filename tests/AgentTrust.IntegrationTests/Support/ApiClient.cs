using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>Calls the AgentTrust HTTP API the way an integrator would.</summary>
public sealed class ApiClient(Uri baseUrl) : IDisposable
{
    readonly HttpClient http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpResponseMessage> PublishAsync(Pact pact) =>
        await http.PutAsJsonAsync($"/api/pacts/{pact.AgentId}/{pact.Lane}", pact, JsonDefaults.Options);

    public async Task<(HttpResponseMessage Response, JsonElement Body)> ProposeAsync(string json, double waitSeconds = 20, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (waitSeconds > 0)
        {
            request.Headers.Add("Prefer", FormattableString.Invariant($"wait={waitSeconds}"));
        }

        var response = await http.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> ApproveAsync(string id, bool approved, string approver = "lead@example.com")
    {
        var response = await http.PostAsJsonAsync($"/api/approvals/{id}", new { approved, approver, comment = "checked in test" });
        return (response, await ReadAsync(response));
    }

    public async Task<JsonElement> GetAsync(string id)
    {
        using var response = await http.GetAsync(new Uri($"/api/actions/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }

    /// <summary>Polls until the action's status is one of <paramref name="statuses"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetAsync(id);
            if (statuses.Contains(last.GetProperty("status").GetString()))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"action {id} did not reach {string.Join('/', statuses)} in {timeout}; last: {last}");
    }

    /// <summary>Polls a red-team run (<c>GET /api/redteam/runs/{id}</c>) until it is no longer running.</summary>
    public async Task<JsonElement> WaitForRedTeamRunAsync(string runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"/api/redteam/runs/{runId}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            last = await ReadAsync(response);
            if (last.GetProperty("status").GetString() != "running")
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"red-team run {runId} did not finish in {timeout}; last: {last}");
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
