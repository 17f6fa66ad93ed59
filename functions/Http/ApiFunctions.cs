using AgentTrust.Orchestrations.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Functions.Http;

/// <summary>
/// The HTTP API on Azure Functions: one trigger per row of <see cref="AgentTrustApi.Endpoints"/>, with the same
/// name, method and route, each calling the shared handler (a test checks the two lists agree).
/// </summary>
public sealed class ApiFunctions(AgentTrustApi api)
{
    [Function("ProposeAction")]
    public Task<HttpResponseData> ProposeAction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "actions")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ProposeAction", request, client, new Dictionary<string, string>());

    [Function("GetAction")]
    public Task<HttpResponseData> GetAction(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "actions/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("GetAction", request, client, new Dictionary<string, string> { ["id"] = id });

    [Function("SubmitApproval")]
    public Task<HttpResponseData> SubmitApproval(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("SubmitApproval", request, client, new Dictionary<string, string> { ["id"] = id });

    /// <summary>Anonymous at the platform: the signed, single-use approval token in the link authenticates (docs/approvals.md).</summary>
    [Function("ShowApprovalConfirmation")]
    public Task<HttpResponseData> ShowApprovalConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{id}/confirm")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("ShowApprovalConfirmation", request, client, new Dictionary<string, string> { ["id"] = id });

    /// <summary>Anonymous at the platform: the form carries the signed, single-use approval token.</summary>
    [Function("ConfirmApproval")]
    public Task<HttpResponseData> ConfirmApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{id}/confirm")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("ConfirmApproval", request, client, new Dictionary<string, string> { ["id"] = id });

    [Function("PublishPact")]
    public Task<HttpResponseData> PublishPact(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "pacts/{agent}/{lane}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent,
        string lane) =>
        HandleAsync("PublishPact", request, client, new Dictionary<string, string> { ["agent"] = agent, ["lane"] = lane });

    [Function("GetPact")]
    public Task<HttpResponseData> GetPact(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pacts/{agent}/{lane}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent,
        string lane) =>
        HandleAsync("GetPact", request, client, new Dictionary<string, string> { ["agent"] = agent, ["lane"] = lane });

    [Function("GetWeeklyMetrics")]
    public Task<HttpResponseData> GetWeeklyMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/weekly")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("GetWeeklyMetrics", request, client, new Dictionary<string, string>());

    [Function("PostOutcome")]
    public Task<HttpResponseData> PostOutcome(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "outcomes")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("PostOutcome", request, client, new Dictionary<string, string>());

    [Function("GetTrust")]
    public Task<HttpResponseData> GetTrust(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agents/{agent}/trust")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent) =>
        HandleAsync("GetTrust", request, client, new Dictionary<string, string> { ["agent"] = agent });

    [Function("GetAutonomy")]
    public Task<HttpResponseData> GetAutonomy(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agents/{agent}/autonomy")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent) =>
        HandleAsync("GetAutonomy", request, client, new Dictionary<string, string> { ["agent"] = agent });
    [Function("FileDispute")]
    public Task<HttpResponseData> FileDispute(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "disputes")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("FileDispute", request, client, new Dictionary<string, string>());

    [Function("GetDispute")]
    public Task<HttpResponseData> GetDispute(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "disputes/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("GetDispute", request, client, new Dictionary<string, string> { ["id"] = id });

    [Function("ResolveDispute")]
    public Task<HttpResponseData> ResolveDispute(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "disputes/{id}/resolution")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("ResolveDispute", request, client, new Dictionary<string, string> { ["id"] = id });
    [Function("ListReports")]
    public Task<HttpResponseData> ListReports(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ListReports", request, client, new Dictionary<string, string>());

    [Function("GetReport")]
    public Task<HttpResponseData> GetReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{week}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string week) =>
        HandleAsync("GetReport", request, client, new Dictionary<string, string> { ["week"] = week });

    [Function("GetReportPackage")]
    public Task<HttpResponseData> GetReportPackage(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/{week}/package")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string week) =>
        HandleAsync("GetReportPackage", request, client, new Dictionary<string, string> { ["week"] = week });

    [Function("GetLaneRanking")]
    public Task<HttpResponseData> GetLaneRanking(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "lanes/ranking")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("GetLaneRanking", request, client, new Dictionary<string, string>());
    [Function("RegisterAgent")]
    public Task<HttpResponseData> RegisterAgent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agents")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("RegisterAgent", request, client, new Dictionary<string, string>());

    [Function("ListAgents")]
    public Task<HttpResponseData> ListAgents(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agents")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ListAgents", request, client, new Dictionary<string, string>());

    [Function("GetAgent")]
    public Task<HttpResponseData> GetAgent(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agents/{agent}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent) =>
        HandleAsync("GetAgent", request, client, new Dictionary<string, string> { ["agent"] = agent });

    [Function("StartRedTeamRun")]
    public Task<HttpResponseData> StartRedTeamRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "redteam/runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("StartRedTeamRun", request, client, new Dictionary<string, string>());

    [Function("GetRedTeamRun")]
    public Task<HttpResponseData> GetRedTeamRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "redteam/runs/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("GetRedTeamRun", request, client, new Dictionary<string, string> { ["id"] = id });

    /// <summary>Anonymous at the platform: every delivery is authenticated by its HMAC signature in the handler.</summary>
    [Function("ServiceNowWebhook")]
    public Task<HttpResponseData> ServiceNowWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/servicenow")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ServiceNowWebhook", request, client, new Dictionary<string, string>());

    /// <summary>Anonymous at the platform: Jira signs each delivery (X-Hub-Signature), checked in the handler.</summary>
    [Function("JiraWebhook")]
    public Task<HttpResponseData> JiraWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/jira")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("JiraWebhook", request, client, new Dictionary<string, string>());

    // The trust console (docs/console.md). Anonymous at the platform, because a browser holds no function key: App
    // Service Authentication signs people in in front of the app, and the handlers refuse reads and answers without
    // its principal when it is on (ConsoleSignIn).
    [Function("ShowConsole")]
    public Task<HttpResponseData> ShowConsole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ShowConsole", request, client, new Dictionary<string, string>());

    [Function("GetConsoleAsset")]
    public Task<HttpResponseData> GetConsoleAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{asset}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string asset) =>
        HandleAsync("GetConsoleAsset", request, client, new Dictionary<string, string> { ["asset"] = asset });

    [Function("GetConsoleSession")]
    public Task<HttpResponseData> GetConsoleSession(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/session")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("GetConsoleSession", request, client, new Dictionary<string, string>());

    [Function("DecideInConsole")]
    public Task<HttpResponseData> DecideInConsole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/approvals/{id}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        HandleAsync("DecideInConsole", request, client, new Dictionary<string, string> { ["id"] = id });

    [Function("ListActions")]
    public Task<HttpResponseData> ListActions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ListActions", request, client, new Dictionary<string, string>());

    [Function("ListTrust")]
    public Task<HttpResponseData> ListTrust(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "trust")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("ListTrust", request, client, new Dictionary<string, string>());

    [Function("GetTrustHistory")]
    public Task<HttpResponseData> GetTrustHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agents/{agent}/trust/history")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string agent) =>
        HandleAsync("GetTrustHistory", request, client, new Dictionary<string, string> { ["agent"] = agent });

    [Function("GetEvidenceRecord")]
    public Task<HttpResponseData> GetEvidenceRecord(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "evidence/record")] HttpRequestData request,
        [DurableClient] DurableTaskClient client) =>
        HandleAsync("GetEvidenceRecord", request, client, new Dictionary<string, string>());

    async Task<HttpResponseData> HandleAsync(string name, HttpRequestData request, DurableTaskClient client, IReadOnlyDictionary<string, string> route)
    {
        var apiRequest = await FunctionsHttp.ToApiRequestAsync(request, route).ConfigureAwait(false);
        var response = await api.HandleAsync(name, apiRequest, client, request.FunctionContext.CancellationToken).ConfigureAwait(false);
        return await FunctionsHttp.ToResponseAsync(request, response).ConfigureAwait(false);
    }
}
