namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>Something wrong with a package: the file it is about (relative path) and why.</summary>
public sealed record PackageProblem(string File, string Reason)
{
    public override string ToString() => $"{File}: {Reason}";
}
