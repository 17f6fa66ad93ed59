namespace AgentTrust.Domain.Pacts;

/// <summary>A pact that cannot be compiled: names the clause and field, and says why in words a person understands.</summary>
public sealed class PactCompilationException : Exception
{
    public PactCompilationException()
    {
        Errors = [];
    }

    public PactCompilationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public PactCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public PactCompilationException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
