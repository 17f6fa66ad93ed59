using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Pacts.Loading;
using YamlDotNet.Core;

namespace AgentTrust.Domain.RedTeam;

/// <summary>Reads a suite file (YAML or JSON); throws <see cref="FormatException"/> naming the file, line and field.</summary>
public static class RedTeamSuiteReader
{
    public static readonly IReadOnlyList<string> Outcomes = ["allow", "human", "block"];

    public static RedTeamSuite Read(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new YamlJsonReader();
        JsonNode? tree;
        try
        {
            tree = reader.Read(text);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{name}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        RedTeamSuite suite;
        try
        {
            suite = tree.Deserialize<RedTeamSuite>(JsonDefaults.Options) ?? throw new FormatException($"{name}: the file is empty");
        }
        catch (JsonException ex)
        {
            var pointer = ex.Path is null ? string.Empty : PactLoader.FieldToPointer(ex.Path.TrimStart('$').TrimStart('.'));
            var at = reader.Locations.TryGetValue(pointer, out var location) ? $"{location.Line}:{location.Column}: " : string.Empty;
            throw new FormatException($"{name}:{at}{ex.Path}: {ex.Message}", ex);
        }

        if (!Lanes.Lanes.IsKnown(suite.Lane) || suite.Cases is not { Count: > 0 })
        {
            throw new FormatException($"{name}: 'lane' (a known lane) and 'cases' (at least one) are required");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < suite.Cases.Count; i++)
        {
            var c = suite.Cases[i];
            string? problem = null;
            if (string.IsNullOrEmpty(c.Id) || !Actions.ProposedActionValidator.IdentifierPattern().IsMatch(c.Id) || !ids.Add(c.Id))
            {
                problem = "id must be a unique identifier";
            }
            else if (!RedTeamCategories.All.Contains(c.Category))
            {
                problem = "category must be one of " + string.Join(", ", RedTeamCategories.All);
            }
            else if (!Outcomes.Contains(c.Expect))
            {
                problem = "expect must be one of " + string.Join(", ", Outcomes);
            }
            else if (c.Ticket is null || string.IsNullOrEmpty(c.Ticket.System) || string.IsNullOrEmpty(c.Ticket.Id))
            {
                problem = "ticket (system, id, fields) is required";
            }

            if (problem is not null)
            {
                var at = reader.Locations.TryGetValue($"/cases/{i}", out var location) ? $"{location.Line}:{location.Column}: " : string.Empty;
                throw new FormatException($"{name}:{at}cases[{i}]: {problem}");
            }
        }

        return suite;
    }
}
