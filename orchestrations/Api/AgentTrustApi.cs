using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// The HTTP API as a table of endpoints. The local host maps every row; the Functions app has one trigger per row
/// with the same name and route (a test checks they agree), and both call the same handler.
/// </summary>
public sealed class AgentTrustApi
{
    public AgentTrustApi(
        IOptions<ApiOptions> options,
        TimeProvider time,
        Pacts.IPactStore pacts,
        Domain.Pacts.CelPactCompiler compiler,
        ServiceNowWebhookHandler serviceNowWebhook,
        JiraWebhookHandler jiraWebhook,
        GetWeeklyMetricsHandler getWeeklyMetrics,
        PostOutcomeHandler postOutcome,
        GetTrustHandler getTrust,
        IServiceProvider services)
    {
        ConfirmApproval = new ConfirmApprovalHandler(services);
        ProposeAction = new ProposeActionHandler(options, time);
        GetAction = new GetActionHandler();
        SubmitApproval = new SubmitApprovalHandler(options);
        PublishPact = new PublishPactHandler(pacts, compiler, options, time);
        GetPact = new GetPactHandler(pacts);
        ServiceNowWebhook = serviceNowWebhook;
        JiraWebhook = jiraWebhook;
        GetWeeklyMetrics = getWeeklyMetrics;
        PostOutcome = postOutcome;
        GetTrust = getTrust;
        GetAutonomy = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GetAutonomyHandler>(services);
        FileDispute = services.GetRequiredService<FileDisputeHandler>();
        GetDispute = services.GetRequiredService<GetDisputeHandler>();
        ResolveDispute = services.GetRequiredService<ResolveDisputeHandler>();
        GetLaneRanking = services.GetRequiredService<GetLaneRankingHandler>();
        var console = services.GetRequiredService<TrustConsole.ConsoleHandler>();
        Endpoints =
        [
            new("ProposeAction", "POST", "actions", ProposeAction.HandleAsync),
            new("GetAction", "GET", "actions/{id}", GetAction.HandleAsync),
            new("SubmitApproval", "POST", "approvals/{id}", SubmitApproval.HandleAsync),
            // Approval links: the signed single-use token authenticates (docs/approvals.md); GET changes nothing.
            new("ShowApprovalConfirmation", "GET", "approvals/{id}/confirm", ConfirmApproval.ShowAsync),
            new("ConfirmApproval", "POST", "approvals/{id}/confirm", ConfirmApproval.ConfirmAsync),
            new("PublishPact", "PUT", "pacts/{agent}/{lane}", PublishPact.HandleAsync),
            new("GetPact", "GET", "pacts/{agent}/{lane}", GetPact.HandleAsync),
            // Webhooks authenticate by HMAC signature, not by function key or Entra ID (see docs/security.md).
            new("ServiceNowWebhook", "POST", "webhooks/servicenow", ServiceNowWebhook.HandleAsync),
            new("JiraWebhook", "POST", "webhooks/jira", JiraWebhook.HandleAsync),
            new("GetWeeklyMetrics", "GET", "metrics/weekly", GetWeeklyMetrics.HandleAsync),
            new("PostOutcome", "POST", "outcomes", PostOutcome.HandleAsync),
            new("GetTrust", "GET", "agents/{agent}/trust", GetTrust.HandleAsync),
            new("GetAutonomy", "GET", "agents/{agent}/autonomy", GetAutonomy.HandleAsync),
            new("FileDispute", "POST", "disputes", FileDispute.HandleAsync),
            new("GetDispute", "GET", "disputes/{id}", GetDispute.HandleAsync),
            new("ResolveDispute", "POST", "disputes/{id}/resolution", ResolveDispute.HandleAsync),
            new("GetLaneRanking", "GET", "lanes/ranking", GetLaneRanking.HandleAsync),
            // The agent registry (docs/registry.md); resolved here so the constructor's signature stays as it was.
            new("RegisterAgent", "POST", "agents", services.GetRequiredService<RegisterAgentHandler>().HandleAsync),
            new("ListAgents", "GET", "agents", services.GetRequiredService<ListAgentsHandler>().HandleAsync),
            new("GetAgent", "GET", "agents/{agent}", services.GetRequiredService<GetAgentHandler>().HandleAsync),
            // Red-team runs before promotion (docs/redteam.md).
            new("StartRedTeamRun", "POST", "redteam/runs", services.GetRequiredService<StartRedTeamRunHandler>().HandleAsync),
            new("GetRedTeamRun", "GET", "redteam/runs/{id}", services.GetRequiredService<GetRedTeamRunHandler>().HandleAsync),
            // The trust console (docs/console.md): its page, its reads (paged server-side) and the signed-in approver's answers.
            new("ShowConsole", "GET", "console", console.ShowAsync),
            new("GetConsoleAsset", "GET", "console/assets/{asset}", console.AssetAsync),
            new("GetConsoleSession", "GET", "console/session", console.SessionAsync),
            new("DecideInConsole", "POST", "console/approvals/{id}", console.DecideAsync),
            new("ListActions", "GET", "actions", services.GetRequiredService<TrustConsole.ListActionsHandler>().HandleAsync),
            new("ListTrust", "GET", "trust", services.GetRequiredService<TrustConsole.ListTrustHandler>().HandleAsync),
            new("GetTrustHistory", "GET", "agents/{agent}/trust/history", services.GetRequiredService<TrustConsole.GetTrustHistoryHandler>().HandleAsync),
            new("GetEvidenceRecord", "GET", "evidence/record", services.GetRequiredService<TrustConsole.GetEvidenceRecordHandler>().HandleAsync),
            // Published weekly reports and their signed evidence packages (docs/reports.md).
            new("ListReports", "GET", "reports", services.GetRequiredService<ListReportsHandler>().HandleAsync),
            new("GetReport", "GET", "reports/{week}", services.GetRequiredService<GetReportHandler>().PageAsync),
            new("GetReportPackage", "GET", "reports/{week}/package", services.GetRequiredService<GetReportHandler>().PackageAsync),
        ];
    }

    public ProposeActionHandler ProposeAction { get; }

    public GetActionHandler GetAction { get; }

    public SubmitApprovalHandler SubmitApproval { get; }

    public ConfirmApprovalHandler ConfirmApproval { get; }

    public PublishPactHandler PublishPact { get; }

    public GetPactHandler GetPact { get; }

    public ServiceNowWebhookHandler ServiceNowWebhook { get; }

    public JiraWebhookHandler JiraWebhook { get; }

    public GetWeeklyMetricsHandler GetWeeklyMetrics { get; }
    public PostOutcomeHandler PostOutcome { get; }

    public GetTrustHandler GetTrust { get; }

    public GetAutonomyHandler GetAutonomy { get; }
    public FileDisputeHandler FileDispute { get; }

    public GetDisputeHandler GetDispute { get; }

    public ResolveDisputeHandler ResolveDispute { get; }
    public GetLaneRankingHandler GetLaneRanking { get; }

    /// <summary>Every endpoint; routes are relative to <c>/api/</c>.</summary>
    public IReadOnlyList<ApiEndpoint> Endpoints { get; }

    public Task<ApiResponse> HandleAsync(string name, ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        Endpoints.First(e => e.Name == name).Handle(request, client, cancellationToken);
}
