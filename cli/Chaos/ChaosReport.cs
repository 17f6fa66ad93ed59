using System.Globalization;
using System.Text;

namespace AgentTrust.Cli.Chaos;

/// <summary>
/// What a chaos run did and found. <see cref="Lost"/>: accepted actions without exactly one final decision (not
/// decided, failed, or no decision record). <see cref="Duplicated"/>: actions applied to the ticketing tool more than
/// once, or with more than one decision record. <see cref="MissingWriteBacks"/>: applied or approved actions the tool
/// never received. <see cref="WrongfulWrites"/>: writes for actions not applied or approved (or not accepted at all).
/// <see cref="FeedMatches"/>: the console's action feed holds one row per accepted action, with its final status, and
/// nothing left waiting for a person.
/// </summary>
public sealed record ChaosReport(
    int Runs,
    int HostKills,
    int AzuriteRestarts,
    int HostExitedOnItsOwn,
    int Accepted,
    int Replayed,
    int Decided,
    int Lost,
    int Duplicated,
    int MissingWriteBacks,
    int WrongfulWrites,
    int WriteBacks,
    int Approvals,
    int Outcomes,
    bool EvidenceVerified,
    long EvidenceRecords,
    bool TrustEqual,
    int TrustScores,
    bool FeedMatches,
    IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed,
    int Seed)
{
    public bool Passed => Lost == 0 && Duplicated == 0 && MissingWriteBacks == 0 && WrongfulWrites == 0 && EvidenceVerified && TrustEqual && FeedMatches;

    public override string ToString()
    {
        var text = new StringBuilder();
        void Row(string name, object value) => text.Append(CultureInfo.InvariantCulture, $"  {name,-30} {value}\n");
        text.Append("chaos run\n");
        Row("runs (host starts)", Runs);
        Row("kills: host (SIGKILL)", HostKills);
        Row("kills: Azurite restarts", AzuriteRestarts);
        Row("host exits on its own", HostExitedOnItsOwn);
        Row("actions accepted", Accepted);
        Row("  of which replayed (200)", Replayed);
        Row("decided", Decided);
        Row("  by status", string.Join(", ", Statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
        Row("approvals answered", Approvals);
        Row("outcomes posted", Outcomes);
        Row("write-backs applied", WriteBacks);
        Row("lost", Lost);
        Row("duplicated", Duplicated);
        Row("write-backs missing", MissingWriteBacks);
        Row("writes never decided", WrongfulWrites);
        Row("evidence verified", $"{(EvidenceVerified ? "yes" : "NO")} ({EvidenceRecords} records)");
        Row("trust equal to recomputation", $"{(TrustEqual ? "yes" : "NO")} ({TrustScores} scores)");
        Row("console feed matches", FeedMatches ? "yes" : "NO");
        Row("elapsed", Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        Row("seed", Seed);
        foreach (var problem in Problems.Take(40))
        {
            text.Append("  problem: ").Append(problem).Append('\n');
        }

        text.Append(Passed ? "PASSED: nothing lost, nothing duplicated\n" : "FAILED\n");
        return text.ToString();
    }
}
