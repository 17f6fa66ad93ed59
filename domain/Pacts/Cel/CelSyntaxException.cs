namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>A pact expression that does not parse or type-check, with the 0-based offset of the problem.</summary>
internal sealed class CelSyntaxException : Exception
{
    public CelSyntaxException()
    {
    }

    public CelSyntaxException(string message)
        : base(message)
    {
    }

    public CelSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CelSyntaxException(int position, string message)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
