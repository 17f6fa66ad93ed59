using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// The ticketing tool the host writes back to: a ServiceNow Table API stand-in that lives in the chaos process, so it
/// outlives every host crash and counts every write. A write is a PATCH carrying the AgentTrust marker column (the
/// action id); each PATCH is one application, so an action applied twice is a PATCH for it received twice, whatever
/// the ticket looked like. Some answers are held back a little, so a kill can land between the write and its answer.
/// </summary>
public sealed class FakeServiceNow : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, int> applications = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> markers = new(StringComparer.Ordinal);
    readonly Random random;
    WebApplication? app;

    public FakeServiceNow(int seed) => random = new Random(seed);

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many times each action was applied (PATCHes received per action id).</summary>
    public IReadOnlyDictionary<string, int> Applications => applications;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/api/now/table/{table}/{sysId}", (string sysId) =>
            Results.Json(new JsonObject { ["result"] = new JsonObject { ["sys_id"] = sysId, [ServiceNowWebhookMapper.ActionColumn] = markers.GetValueOrDefault(sysId, string.Empty) } }));
        app.MapGet("/api/now/table/{table}", (HttpRequest request) =>
        {
            // sysparm_query=number=INC...: the record's sys_id is its number, lower case.
            var query = request.Query["sysparm_query"].ToString();
            var number = query.StartsWith("number=", StringComparison.Ordinal) ? query["number=".Length..] : string.Empty;
            return Results.Json(new JsonObject { ["result"] = new JsonArray(new JsonObject { ["sys_id"] = number.ToLowerInvariant() }) });
        });
        app.MapMethods("/api/now/table/{table}/{sysId}", ["PATCH"], async (string sysId, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            var action = body.RootElement.TryGetProperty(ServiceNowWebhookMapper.ActionColumn, out var a) ? a.GetString() : null;
            if (string.IsNullOrEmpty(action))
            {
                return Results.BadRequest();
            }

            applications.AddOrUpdate(action, 1, (_, n) => n + 1);
            markers[sysId] = action;
            int delay;
            lock (random)
            {
                delay = random.Next(4) == 0 ? random.Next(50, 1500) : 0;
            }

            // Applied first, answered later: a host killed meanwhile never hears that its write landed.
            await Task.Delay(delay).ConfigureAwait(false);
            return Results.Json(new JsonObject { ["result"] = new JsonObject { ["sys_id"] = sysId } });
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
