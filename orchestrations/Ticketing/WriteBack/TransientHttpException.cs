namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>A read the pipeline gave up on (429, 5xx after its retries): the write loop may try again.</summary>
public sealed class TransientHttpException(string message) : Exception(message)
{
    public TransientHttpException()
        : this("The ticketing system was unavailable.")
    {
    }

    public TransientHttpException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
