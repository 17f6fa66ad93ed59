using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Ticketing;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// Writes decided actions back to ServiceNow through the Table API: one PATCH sets the action's fields, the work
/// note and the AgentTrust marker column together, so the marker is present exactly when the change is.
/// </summary>
public sealed class ServiceNowTicketClient(HttpClient http, IOptionsMonitor<TicketingClientOptions> options) : ITicketWriteBack
{
    public const string OptionsName = "ServiceNow";

    public string System => TicketSystems.ServiceNow;

    public async Task<WriteBackResult> ApplyAsync(WriteBackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Get(OptionsName);
        var fields = request.Ticket.Fields;
        var table = Text(fields, "table") ?? TableOf(request.Ticket.Id);
        if (table is null)
        {
            return new WriteBackResult(System, request.Ticket.Id, WriteBackStatus.Failed, 0, "the ticket's table is unknown");
        }

        var sysId = Text(fields, "sys_id") ?? await FindSysIdAsync(table, request.Ticket.Id, cancellationToken).ConfigureAwait(false);
        if (sysId is null)
        {
            return new WriteBackResult(System, request.Ticket.Id, WriteBackStatus.Failed, 0, $"no {table} record numbered {request.Ticket.Id}");
        }

        var body = new JsonObject();
        if (request.Fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in request.Fields.EnumerateObject())
            {
                body[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        body["work_notes"] = WorkNote.For(request);
        body[ServiceNowWebhookMapper.ActionColumn] = request.ActionId;
        body[ServiceNowWebhookMapper.AgentColumn] = request.AgentId;
        var record = $"api/now/table/{Uri.EscapeDataString(table)}/{Uri.EscapeDataString(sysId)}";
        var (status, attempts, detail) = await ResilientWrite.RunAsync(
            settings.MaxWriteAttempts,
            async ct => string.Equals(await MarkerAsync(record, ct).ConfigureAwait(false), request.ActionId, StringComparison.Ordinal),
            ct => http.PatchAsJsonAsync(record + "?sysparm_input_display_value=false", body, ct),
            cancellationToken).ConfigureAwait(false);
        return new WriteBackResult(System, request.Ticket.Id, status, attempts, detail);
    }

    async Task<string?> MarkerAsync(string record, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{record}?sysparm_fields=sys_id,{ServiceNowWebhookMapper.ActionColumn}", cancellationToken).ConfigureAwait(false);
        var json = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("result", out var result) ? ServiceNowWebhookMapper.Value(result, ServiceNowWebhookMapper.ActionColumn) : null;
    }

    async Task<string?> FindSysIdAsync(string table, string number, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            $"api/now/table/{Uri.EscapeDataString(table)}?sysparm_query=number%3D{Uri.EscapeDataString(number)}&sysparm_fields=sys_id&sysparm_limit=1",
            cancellationToken).ConfigureAwait(false);
        var json = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0
            ? ServiceNowWebhookMapper.Value(result[0], "sys_id")
            : null;
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (ResilientWrite.IsTransient(response.StatusCode))
        {
            throw new TransientHttpException($"ServiceNow answered HTTP {(int)response.StatusCode}.");
        }

        if (response.StatusCode == HttpStatusCode.NotFound || !response.IsSuccessStatusCode)
        {
            return default;
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
    }

    static string? Text(JsonElement? fields, string name) =>
        fields is { ValueKind: JsonValueKind.Object } f ? ServiceNowWebhookMapper.Value(f, name) : null;

    static string? TableOf(string number) => number.Length < 3 ? null : number[..3].ToUpperInvariant() switch
    {
        "INC" => "incident",
        "CHG" => "change_request",
        "PRB" => "problem",
        _ => null,
    };
}
