namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>One file of an evidence package: its path (forward slashes, relative to the package), SHA-256 (hex) and size.</summary>
public sealed record PackageFile(string Path, string Sha256, long Size);
