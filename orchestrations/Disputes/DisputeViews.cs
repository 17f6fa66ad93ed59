using AgentTrust.Orchestrations.Api;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Builds dispute views from the workflow's metadata: its input, its published progress and its result.</summary>
public static class DisputeViews
{
    public static DisputeView From(OrchestrationMetadata metadata, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(requestUrl);
        var input = metadata.SerializedInput is null ? null : metadata.ReadInputAs<DisputeInput>();
        var links = new Dictionary<string, string> { ["self"] = new Uri(requestUrl, $"/api/disputes/{metadata.InstanceId}").ToString() };
        if (input?.Subject.ActionId is { } actionId)
        {
            links["action"] = new Uri(requestUrl, $"/api/actions/{actionId}").ToString();
        }

        if (input is not null)
        {
            links["trust"] = new Uri(requestUrl, $"/api/agents/{input.Subject.AgentId}/trust").ToString();
        }

        string status;
        DisputeOutcome? outcome = null;
        DisputeJuryView? jury = null;
        string? failure = null;
        switch (metadata.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                outcome = metadata.ReadOutputAs<DisputeOutcome>();
                status = Name(outcome!.Verdict);
                jury = outcome.Jury;
                break;
            case OrchestrationRuntimeStatus.Failed:
            case OrchestrationRuntimeStatus.Terminated:
                status = "failed";
                failure = metadata.FailureDetails?.ErrorMessage ?? metadata.RuntimeStatus.ToString();
                break;
            default:
                var progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<DisputeProgress>();
                status = Name(progress?.Stage ?? DisputeStage.Open);
                jury = progress?.Jury;
                if (progress?.AwaitsAdjudicator == true)
                {
                    links["resolution"] = new Uri(requestUrl, $"/api/disputes/{metadata.InstanceId}/resolution").ToString();
                }

                break;
        }

        var trust = outcome?.Trust is { } change
            ? new { signalId = change.Signal.SignalId, gain = change.Signal.Gain, loss = change.Signal.Loss, reason = change.Signal.Reason, applied = change.Applied, after = change.After, evidence = change.EvidenceLocation }
            : null;
        return new DisputeView(
            metadata.InstanceId,
            status,
            input?.Request,
            input?.Subject.AgentId,
            input?.Subject.Lane,
            input?.Subject.OriginalStatus is { } original ? ActionViews.Name(original) : null,
            input?.Deadline,
            jury,
            outcome?.Adjudicator,
            outcome?.Comment,
            outcome?.ResolvedAt,
            trust,
            outcome?.Evidence ?? [],
            links,
            failure);
    }

    /// <summary>Enum names as the API spells them (kebab case), the same as the JSON enums.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, Domain.Hashing.JsonDefaults.Options).Trim('"');
}
