using System.Diagnostics;
using AgentTrust.Orchestrations.Telemetry;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// Applies an approved or autonomous action to its ticket through the writer for its system. Idempotent: the writers
/// check the ticket's AgentTrust marker before writing, so a retried activity never writes twice. With no writer for
/// the system (write-back not configured), it returns <see cref="WriteBackStatus.NotConfigured"/> and writes nothing.
/// </summary>
public sealed class ApplyToTicketActivity(IEnumerable<ITicketWriteBack> writers) : TaskActivity<WriteBackRequest, WriteBackResult>
{
    public override async Task<WriteBackResult> RunAsync(TaskActivityContext context, WriteBackRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var writer = writers.FirstOrDefault(w => string.Equals(w.System, input.Ticket.System, StringComparison.OrdinalIgnoreCase));
        if (writer is null)
        {
            return new WriteBackResult(input.Ticket.System, input.Ticket.Id, WriteBackStatus.NotConfigured, 0);
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = AgentTrustTelemetry.Source.StartActivity("write-back " + writer.System);
        var result = await writer.ApplyAsync(input).ConfigureAwait(false);
        activity?.SetTag("agenttrust.writeback.status", result.Status.ToString());
        AgentTrustTelemetry.WriteBacks.Add(1, new("system", writer.System), new("result", result.Status.ToString()));
        AgentTrustTelemetry.RecordStage("write-back", started, input.Lane);
        return result;
    }
}
