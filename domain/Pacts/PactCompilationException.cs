namespace AgentTrust.Domain.Pacts;

/// <summary>A pact that cannot be compiled: names the clause and field, and says why in words a person understands.</summary>
public sealed class PactCompilationException : Exception
{
    public PactCompilationException()
    {
        Problems = [];
        Errors = [];
    }

    public PactCompilationException(string message)
        : base(message)
    {
        Problems = [new PactError("$", message)];
        Errors = [message];
    }

    public PactCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new PactError("$", message)];
        Errors = [message];
    }

    public PactCompilationException(IReadOnlyList<PactError> problems)
        : base(string.Join(Environment.NewLine, (problems ?? []).Select(p => p.ToString())))
    {
        Problems = problems ?? [];
        Errors = [.. Problems.Select(p => p.ToString())];
    }

    /// <summary>Every problem, with its field and (for expressions) the column inside the expression.</summary>
    public IReadOnlyList<PactError> Problems { get; }

    /// <summary>The problems as text, <c>field: message</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
