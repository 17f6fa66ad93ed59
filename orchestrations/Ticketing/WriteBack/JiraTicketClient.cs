using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Ticketing;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// Writes decided actions back to Jira (REST API v2): an edit (<c>PUT /issue/{key}</c>) or, when the action names a
/// <c>transition</c>, a transition (<c>POST /issue/{key}/transitions</c>). Either request carries the fields, an
/// internal comment and the <c>agenttrust.writeback</c> issue property in one call, so the marker lands with the change.
/// </summary>
public sealed class JiraTicketClient(HttpClient http, IOptionsMonitor<TicketingClientOptions> options) : ITicketWriteBack
{
    public const string OptionsName = "Jira";
    public const string MarkerProperty = "agenttrust.writeback";

    public string System => TicketSystems.Jira;

    public async Task<WriteBackResult> ApplyAsync(WriteBackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Get(OptionsName);
        var key = Uri.EscapeDataString(request.Ticket.Id);
        var fields = new JsonObject();
        string? transition = null;
        if (request.Fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in request.Fields.EnumerateObject())
            {
                if (property.Name == "transition")
                {
                    transition = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    continue;
                }

                fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        var body = new JsonObject
        {
            ["fields"] = fields,
            ["update"] = new JsonObject
            {
                ["comment"] = new JsonArray(new JsonObject
                {
                    ["add"] = new JsonObject
                    {
                        ["body"] = WorkNote.For(request),
                        // Jira Service Management: an internal note for agents, not a reply to the customer.
                        ["properties"] = new JsonArray(new JsonObject { ["key"] = "sd.public.comment", ["value"] = new JsonObject { ["internal"] = true } }),
                    },
                }),
            },
            ["properties"] = new JsonArray(new JsonObject
            {
                ["key"] = MarkerProperty,
                ["value"] = new JsonObject { ["actionId"] = request.ActionId, ["agentId"] = request.AgentId },
            }),
        };
        if (transition is not null)
        {
            body["transition"] = new JsonObject { ["id"] = transition };
        }

        var (status, attempts, detail) = await ResilientWrite.RunAsync(
            settings.MaxWriteAttempts,
            async ct => string.Equals(await MarkerAsync(key, ct).ConfigureAwait(false), request.ActionId, StringComparison.Ordinal),
            ct => transition is null
                ? http.PutAsJsonAsync($"rest/api/2/issue/{key}", body, ct)
                : http.PostAsJsonAsync($"rest/api/2/issue/{key}/transitions", body, ct),
            cancellationToken).ConfigureAwait(false);
        return new WriteBackResult(System, request.Ticket.Id, status, attempts, detail);
    }

    async Task<string?> MarkerAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"rest/api/2/issue/{key}/properties/{MarkerProperty}", cancellationToken).ConfigureAwait(false);
        if (ResilientWrite.IsTransient(response.StatusCode))
        {
            throw new TransientHttpException($"Jira answered HTTP {(int)response.StatusCode}.");
        }

        if (response.StatusCode == HttpStatusCode.NotFound || !response.IsSuccessStatusCode)
        {
            return null;
        }

        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("actionId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
