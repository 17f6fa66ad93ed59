using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>Builds action views from a workflow's metadata: its input, its published progress and its result.</summary>
public static class ActionViews
{
    public static ActionView From(OrchestrationMetadata metadata, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(requestUrl);
        var input = metadata.SerializedInput is null ? null : metadata.ReadInputAs<GovernActionInput>();
        var action = input?.Action;
        var links = new Dictionary<string, string>
        {
            ["self"] = new Uri(requestUrl, $"/api/actions/{metadata.InstanceId}").ToString(),
        };

        string status;
        Decision? decision = null;
        ApprovalRecord? approval = null;
        DateTimeOffset? deadline = null;
        IReadOnlyList<string>? groups = null;
        IReadOnlyList<string> evidence = [];
        string? failure = null;
        string? degraded = null;
        string? version = null;
        switch (metadata.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                var outcome = metadata.ReadOutputAs<GovernanceOutcome>();
                status = Name(outcome!.Status);
                decision = outcome.Decision;
                approval = outcome.Approval;
                evidence = outcome.Evidence;
                degraded = outcome.Degraded;
                version = outcome.WorkflowVersion;
                break;
            case OrchestrationRuntimeStatus.Failed:
            case OrchestrationRuntimeStatus.Terminated:
                // A workflow that failed is a bug or an outage, never a decision; nothing was applied.
                status = "failed";
                failure = metadata.FailureDetails?.ErrorMessage ?? metadata.RuntimeStatus.ToString();
                break;
            default:
                var progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<ActionProgress>();
                status = Name(progress?.Status ?? ActionStatus.Evaluating);
                decision = progress?.Decision;
                deadline = progress?.ApprovalDeadline;
                groups = progress?.ApproverGroups;
                version = progress?.WorkflowVersion;
                if (progress?.AwaitsHuman == true)
                {
                    links["approval"] = new Uri(requestUrl, $"/api/approvals/{metadata.InstanceId}").ToString();
                }

                break;
        }

        return new ActionView(
            metadata.InstanceId,
            status,
            action?.AgentId,
            action?.Lane,
            action is null ? null : new ActionTicketView(action.Ticket.System, action.Ticket.Id),
            action?.ActionType,
            action?.Confidence,
            decision,
            approval,
            deadline,
            groups,
            evidence,
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            links,
            failure,
            degraded,
            version);
    }

    /// <summary>True when the workflow has stopped evaluating: decided, waiting for a human, or failed.</summary>
    public static bool IsSettled(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.IsCompleted)
        {
            return true;
        }

        var progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<ActionProgress>();
        return progress?.AwaitsHuman == true;
    }

    /// <summary>The status name as the API spells it (kebab case), the same as the JSON enums.</summary>
    public static string Name(ActionStatus status) => JsonSerializer.Serialize(status, JsonDefaults.Options).Trim('"');
}
