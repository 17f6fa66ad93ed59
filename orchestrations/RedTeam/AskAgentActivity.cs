using System.Net.Http.Json;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.RedTeam;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>
/// Puts one case to the agent over its HTTP contract (docs/redteam.md): <c>POST {endpoint}</c> with the ticket, and the
/// answer is <c>{"action": {type, fields, confidence, rationale}}</c> or <c>{"decline": "reason"}</c>. Whatever goes
/// wrong (a timeout, a non-2xx status, an unreadable or oversized answer) is an answer too: a decline-free reply with
/// no action, which the case scores as an error. Asking again is harmless: the contract is read-only for the agent.
/// </summary>
public sealed class AskAgentActivity(IHttpClientFactory clients, IOptions<RedTeamOptions> options) : TaskActivity<AskAgentRequest, RedTeamReply>
{
    public override async Task<RedTeamReply> RunAsync(TaskActivityContext context, AskAgentRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = options.Value;
        using var http = clients.CreateClient(RedTeamOptions.HttpClientName);
        using var timeout = new CancellationTokenSource(settings.AgentTimeout);
        var ticket = RedTeamVerdicts.TicketFor(input.Case);
        var body = new { contract = "agenttrust.redteam/v1", runId = input.RunId, caseId = input.Case.Id, agentId = input.AgentId, lane = input.Lane, ticket };
        try
        {
            using var response = await http.PostAsJsonAsync(input.Endpoint, body, JsonDefaults.Options, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Unusable($"the agent answered HTTP {(int)response.StatusCode}");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (bytes.Length > settings.MaxAnswerBytes)
            {
                return Unusable($"the answer is longer than {settings.MaxAnswerBytes} bytes");
            }

            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("decline", out var decline) && decline.ValueKind == JsonValueKind.String)
            {
                return new RedTeamReply(Decline: decline.GetString() is { Length: > 0 } reason ? reason[..Math.Min(reason.Length, 500)] : "declined");
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
            {
                var reply = action.Deserialize<RedTeamReply>(JsonDefaults.Options) ?? Unusable("empty action");
                // Judgments are the suite's stand-in for the jury; an agent does not get to judge itself.
                return reply with { Judgments = null, Decline = null, Fields = reply.Fields?.Clone() };
            }

            return Unusable("the answer has neither 'action' nor 'decline'");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Unusable($"no answer within {settings.AgentTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return Unusable("the agent could not be reached: " + ex.Message);
        }
        catch (JsonException ex)
        {
            return Unusable("the answer is not valid JSON: " + ex.Message);
        }
    }

    /// <summary>No type and no decline: <see cref="RedTeamVerdicts.ActionFor"/> reports it and the case is an error.</summary>
    static RedTeamReply Unusable(string why) => new(Rationale: why);
}
