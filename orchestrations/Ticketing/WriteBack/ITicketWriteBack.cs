namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>Applies a decided action to its ticket in one ticketing system, idempotently per action id.</summary>
public interface ITicketWriteBack
{
    /// <summary>The ticket system this writer serves (<c>ticket.system</c>).</summary>
    string System { get; }

    Task<WriteBackResult> ApplyAsync(WriteBackRequest request, CancellationToken cancellationToken = default);
}
