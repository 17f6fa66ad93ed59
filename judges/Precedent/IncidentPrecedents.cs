using System.Buffers;
using AgentTrust.Judges.Data;
using AgentTrust.Judges.Evaluation;

namespace AgentTrust.Judges.Precedent;

/// <summary>
/// The final states of 24,918 real ServiceNow incidents (UCI event log), searched by k nearest neighbours: weighted
/// Hamming distance over category, subcategory, symptom, location and assignment group. Neighbours that were reopened
/// count half, because their first handling was not the right one. Built in memory from the shipped file in well under
/// a second; identical profiles are grouped, so a query scans distinct profiles, not every incident.
/// </summary>
internal sealed class IncidentPrecedents
{
    public const int K = 25;

    /// <summary>Field names in the records, in ticket-snapshot spelling, and how much a mismatch on each costs.</summary>
    internal static readonly (string Column, string[] TicketNames, double Weight)[] Fields =
    [
        ("category", ["category"], 3.0),
        ("subcategory", ["subcategory", "sub_category"], 2.0),
        ("u_symptom", ["u_symptom", "symptom"], 2.0),
        ("assignment_group", ["assignment_group"], 1.0),
        ("location", ["location"], 0.5),
    ];

    /// <summary>Every possible distance (each subset of mismatching fields), ascending.</summary>
    static readonly double[] DistanceLevels = [.. Enumerable.Range(0, 1 << Fields.Length)
        .Select(mask => Enumerable.Range(0, Fields.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => Fields[i].Weight))
        .Distinct()
        .Order()];

    /// <summary>For each mismatch mask, the index of its distance in <see cref="DistanceLevels"/>.</summary>
    static readonly int[] LevelOfMask = [.. Enumerable.Range(0, 1 << Fields.Length)
        .Select(mask => Array.IndexOf(DistanceLevels, Enumerable.Range(0, Fields.Length).Where(i => (mask & (1 << i)) != 0).Sum(i => Fields[i].Weight)))];

    readonly List<Dictionary<string, int>> vocabulary;
    readonly (int[] Fields, List<IncidentProfile> Incidents)[] groups;

    IncidentPrecedents(List<Dictionary<string, int>> vocabulary, (int[], List<IncidentProfile>)[] groups, string version)
    {
        this.vocabulary = vocabulary;
        this.groups = groups;
        Version = version;
    }

    public string Version { get; }

    public int Incidents => groups.Sum(g => g.Incidents.Count);

    public static IncidentPrecedents Build(out List<(string?[] Fields, int Priority)> heldOut)
    {
        var vocabulary = Fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        var grouped = new Dictionary<string, (int[], List<IncidentProfile>)>(StringComparer.Ordinal);
        heldOut = [];
        foreach (var record in JudgeData.Records(JudgeData.IncidentFinalStates))
        {
            var priority = ActionFields.Level(record["priority"]);
            if (priority is null)
            {
                continue;
            }

            var raw = Fields.Select(f => Missing(record[f.Column])).ToArray();
            if (JudgeData.IsHeldOut("uci:" + record["number"]))
            {
                heldOut.Add((raw, priority.Value));
                continue;
            }

            var ids = raw.Select((value, i) => value is null ? -1 : Intern(vocabulary[i], value)).ToArray();
            var key = string.Join(',', ids);
            if (!grouped.TryGetValue(key, out var group))
            {
                group = (ids, []);
                grouped[key] = group;
            }

            group.Item2.Add(new IncidentProfile(ids, priority.Value, record["reopen_count"] != "0", record["made_sla"] == "true"));
        }

        var version = $"knn{K}-v1-{JudgeData.DigestOf(JudgeData.IncidentFinalStates)}";
        return new IncidentPrecedents(vocabulary, [.. grouped.Values], version);
    }

    public PrecedentNeighbours Nearest(IReadOnlyList<string?> fields)
    {
        var query = fields.Select((value, i) => value is null ? -2 : vocabulary[i].GetValueOrDefault(value, -3)).ToArray();
        // Pass 1: each distinct profile's distance level (its mismatch mask mapped to the ascending level), and how many
        // incidents sit at each level. Distances are sums of field weights, so there are at most 2^fields levels.
        var levels = ArrayPool<int>.Shared.Rent(groups.Length);
        Span<int> perLevel = stackalloc int[DistanceLevels.Length];
        try
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var profile = groups[g].Fields;
                var mask = 0;
                for (var i = 0; i < query.Length; i++)
                {
                    if (query[i] != profile[i])
                    {
                        mask |= 1 << i;
                    }
                }

                levels[g] = LevelOfMask[mask];
                perLevel[levels[g]] += groups[g].Incidents.Count;
            }

            // The nearest levels that hold at least K incidents; ties at the last level are all kept (no order bias).
            var cutoff = 0;
            for (var seen = perLevel[0]; seen < K && cutoff < DistanceLevels.Length - 1; seen += perLevel[++cutoff])
            {
            }

            // Pass 2: aggregate the incidents at or under the cutoff.
            var weights = new Dictionary<int, double>();
            int count = 0, reopened = 0, madeSla = 0;
            var farthest = 0.0;
            for (var g = 0; g < groups.Length; g++)
            {
                if (levels[g] > cutoff)
                {
                    continue;
                }

                farthest = Math.Max(farthest, DistanceLevels[levels[g]]);
                foreach (var incident in groups[g].Incidents)
                {
                    weights[incident.Priority] = weights.GetValueOrDefault(incident.Priority) + (incident.Reopened ? 0.5 : 1.0);
                    count++;
                    reopened += incident.Reopened ? 1 : 0;
                    madeSla += incident.MadeSla ? 1 : 0;
                }
            }

            return new PrecedentNeighbours(count, farthest, weights, count == 0 ? 0 : reopened / (double)count, count == 0 ? 0 : madeSla / (double)count);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    /// <summary>Priority predicted by the neighbours for each held-out incident, with the probability given to it.</summary>
    public ClassificationMetrics Measure(IEnumerable<(string?[] Fields, int Priority)> heldOut)
    {
        var predictions = new List<Prediction>();
        foreach (var (fields, priority) in heldOut)
        {
            var neighbours = Nearest(fields);
            var best = neighbours.MostLikely;
            predictions.Add(new Prediction(priority.ToString(System.Globalization.CultureInfo.InvariantCulture), best.ToString(System.Globalization.CultureInfo.InvariantCulture), neighbours.Probability(best)));
        }

        return ClassificationMetrics.Compute(predictions);
    }

    static string? Missing(string value) => value is "" or "?" ? null : value;

    static int Intern(Dictionary<string, int> vocabulary, string value)
    {
        if (!vocabulary.TryGetValue(value, out var id))
        {
            id = vocabulary.Count;
            vocabulary[value] = id;
        }

        return id;
    }
}
