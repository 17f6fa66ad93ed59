using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>
/// <c>agenttrust pact diff OLD NEW</c>: what a new pact version changes, clause by clause, for the pull-request
/// reviewer, marking each change that gives the agent more room ("loosens"). Exit code 0 when the two pacts have
/// the same content hash, 1 when they differ, 2 when either does not load.
/// </summary>
public static class PactDiffCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length != 2)
        {
            stderr.WriteLine("usage: agenttrust pact diff <old pact file> <new pact file>");
            return Task.FromResult(2);
        }

        var old = PactLoader.LoadFile(args[0]);
        var @new = PactLoader.LoadFile(args[1]);
        foreach (var error in old.Errors.Concat(@new.Errors))
        {
            stderr.WriteLine(error.ToString());
        }

        if (!old.Succeeded || !@new.Succeeded)
        {
            return Task.FromResult(2);
        }

        var changes = Diff(old.Pact!, @new.Pact!);
        stdout.WriteLine($"--- {args[0]}  v{old.Pact!.Version}  {PactHash.Compute(old.Pact)}");
        stdout.WriteLine($"+++ {args[1]}  v{@new.Pact!.Version}  {PactHash.Compute(@new.Pact)}");
        foreach (var change in changes)
        {
            stdout.WriteLine(change);
        }

        stdout.WriteLine(changes.Count == 0 ? "no changes" : $"{changes.Count} change(s), {changes.Count(c => c.EndsWith("(loosens)", StringComparison.Ordinal))} loosening");
        return Task.FromResult(changes.Count == 0 ? 0 : 1);
    }

    /// <summary>Every difference, one line each; a line ending in "(loosens)" gives the agent more room.</summary>
    public static IReadOnlyList<string> Diff(Pact old, Pact @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var changes = new List<string>();
        Scalar(changes, "agentId", old.AgentId, @new.AgentId);
        Scalar(changes, "lane", old.Lane, @new.Lane);
        Scalar(changes, "version", old.Version, @new.Version);
        Scalar(changes, "owner", old.Owner, @new.Owner);
        Scalar(changes, "description", old.Description, @new.Description);
        foreach (var added in @new.AllowedActions.Except(old.AllowedActions))
        {
            changes.Add($"+ allowedActions: {added} (loosens)");
        }

        foreach (var removed in old.AllowedActions.Except(@new.AllowedActions))
        {
            changes.Add($"- allowedActions: {removed}");
        }

        Fields(changes, "actionSchema", old.ActionSchema, @new.ActionSchema);
        Fields(changes, "ticketSchema", old.TicketSchema, @new.TicketSchema);

        var oldClauses = old.Clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var newClauses = @new.Clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var clause in old.Clauses.Where(c => !newClauses.ContainsKey(c.Id)))
        {
            changes.Add($"- clause {clause.Id} ({Name(clause.Severity)}): {clause.Condition} (loosens)");
        }

        foreach (var clause in @new.Clauses)
        {
            if (!oldClauses.TryGetValue(clause.Id, out var before))
            {
                changes.Add($"+ clause {clause.Id} ({Name(clause.Severity)}): {clause.Condition}");
                continue;
            }

            Scalar(changes, $"clause {clause.Id} condition", before.Condition, clause.Condition);
            Scalar(changes, $"clause {clause.Id} when", before.When, clause.When);
            Scalar(changes, $"clause {clause.Id} method", Name(before.Method), Name(clause.Method));
            Scalar(changes, $"clause {clause.Id} severity", Name(before.Severity), Name(clause.Severity), clause.Severity < before.Severity);
            Scalar(changes, $"clause {clause.Id} trustCost", before.TrustCost, clause.TrustCost, (clause.TrustCost ?? 0) < (before.TrustCost ?? 0));
            Scalar(changes, $"clause {clause.Id} description", before.Description, clause.Description);
        }

        Scalar(changes, "autonomy.tier", Name(old.Autonomy.Tier), Name(@new.Autonomy.Tier), @new.Autonomy.Tier < old.Autonomy.Tier);
        Scalar(changes, "autonomy.minConfidence", old.Autonomy.MinConfidence, @new.Autonomy.MinConfidence, @new.Autonomy.MinConfidence < old.Autonomy.MinConfidence);
        Scalar(changes, "approval", Json(old.Approval), Json(@new.Approval));
        Scalar(changes, "rateLimit", Json(old.RateLimit), Json(@new.RateLimit), (@new.RateLimit?.MaxActions ?? int.MaxValue) > (old.RateLimit?.MaxActions ?? int.MaxValue));
        Scalar(changes, "consequences", Json(old.Consequences), Json(@new.Consequences));
        return changes;
    }

    static void Fields(List<string> changes, string name, IReadOnlyDictionary<string, FieldType>? old, IReadOnlyDictionary<string, FieldType>? @new)
    {
        var before = old ?? new Dictionary<string, FieldType>();
        var after = @new ?? new Dictionary<string, FieldType>();
        foreach (var (field, type) in after.Where(f => !before.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            changes.Add($"+ {name}.{field}: {Name(type)}");
        }

        foreach (var (field, type) in before.Where(f => !after.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            changes.Add($"- {name}.{field}: {Name(type)}");
        }

        foreach (var (field, type) in after.Where(f => before.TryGetValue(f.Key, out var t) && t != f.Value).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            changes.Add($"~ {name}.{field}: {Name(before[field])} -> {Name(type)}");
        }
    }

    static void Scalar<T>(List<string> changes, string name, T old, T @new, bool loosens = false)
    {
        if (EqualityComparer<T>.Default.Equals(old, @new))
        {
            return;
        }

        changes.Add(string.Create(CultureInfo.InvariantCulture, $"~ {name}: {Show(old)} -> {Show(@new)}{(loosens ? " (loosens)" : string.Empty)}"));
    }

    static string Show<T>(T value) => value switch
    {
        null => "(none)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(none)",
    };

    static string? Json<T>(T value) => value is null ? null : JsonSerializer.Serialize(value, JsonDefaults.Options);

    static string Name<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, JsonDefaults.Options).Trim('"');
}
