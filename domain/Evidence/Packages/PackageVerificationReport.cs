namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>The outcome of verifying a package: problems (each naming a file), what was checked, and qualifying notes.</summary>
public sealed record PackageVerificationReport(int FilesVerified, int RecordsVerified, int ProofsVerified, IReadOnlyList<PackageProblem> Problems, IReadOnlyList<string> Notes)
{
    public bool Valid => Problems.Count == 0;
}
