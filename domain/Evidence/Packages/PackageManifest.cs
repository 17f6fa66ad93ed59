namespace AgentTrust.Domain.Evidence.Packages;

/// <summary>
/// <c>manifest.json</c> of a compliance evidence package: the period it covers and the hash of every other file in
/// it. Its exact bytes are signed (<c>manifest.sig.json</c>), so one signature vouches for every file.
/// </summary>
public sealed record PackageManifest(string Format, string Period, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, DateTimeOffset CreatedAt, IReadOnlyList<PackageFile> Files)
{
    public const string CurrentFormat = "agenttrust-evidence-package/v1";
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.sig.json";
    public const string KeysFileName = "evidence/keys.json";
    public const string RecordsFolder = "evidence/records/";
    public const string ProofsFolder = "evidence/proofs/";

    /// <summary>Where the inclusion proof of a record (named <c>records/…</c> in the log) is kept.</summary>
    public static string ProofPath(string recordName) => ProofsFolder + recordName[EvidenceRecordNames.Prefix.Length..] + ".proof.json";

    public static string RecordPath(string recordName) => RecordsFolder + recordName[EvidenceRecordNames.Prefix.Length..];
}
