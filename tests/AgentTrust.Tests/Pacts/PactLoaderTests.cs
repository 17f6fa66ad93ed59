using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Pacts;

public sealed class PactLoaderTests
{
    static string Shipped => File.ReadAllText(PactFiles.PathOf("incident-classification.pact.yaml"));

    [Fact]
    public void Load_ShippedPact_Succeeds()
    {
        var result = PactLoader.LoadFile(PactFiles.PathOf("incident-classification.pact.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("classifier-01", result.Pact!.AgentId);
        Assert.Equal(FieldType.StringList, result.Pact.ActionSchema!["kb_articles"]);
        Assert.Equal(120, result.Pact.RateLimit!.MaxActions);
    }

    [Fact]
    public void Load_UnknownField_ReportsLineColumnAndName()
    {
        var text = Shipped.Replace("    severity: critical\n    trustCost: 20\n  - id: priority-follows-matrix", "    severity: critical\n    trustCost: 20\n    sevirity: major\n  - id: priority-follows-matrix", StringComparison.Ordinal);

        var result = PactLoader.Load(text, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Pact);
        Assert.Contains("unknown field 'sevirity'", error.Message, StringComparison.Ordinal);
        Assert.Equal("clauses[0].sevirity", error.Field);
        Assert.Equal(LineOf(text, "sevirity: major"), error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("p.yaml", error.File);
    }

    [Fact]
    public void Load_ExpressionReadsUndeclaredField_ReportsColumnInsideExpression()
    {
        var text = Shipped.Replace("condition: action.confidence >= 0.6", "condition: action.confidence >= 0.6 && action.riskscore < 3", StringComparison.Ordinal);

        var result = PactLoader.Load(text, "p.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("clauses[6].condition", error.Field);
        Assert.Contains("'action.riskscore' is not in the pact's actionSchema", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "action.riskscore"), error.Line);
        var line = text.Split('\n')[error.Line!.Value - 1];
        Assert.Equal(line.IndexOf("action.riskscore", StringComparison.Ordinal) + 1, error.Column);
    }

    [Fact]
    public void Load_ExpressionDoesNotParse_ReportsWhere()
    {
        var text = Shipped.Replace("condition: action.confidence >= 0.6", "condition: action.confidence >= (0.6", StringComparison.Ordinal);

        var result = PactLoader.Load(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("clauses[6].condition", error.Field);
        Assert.Contains("')' expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypeMismatch_IsRejected()
    {
        var text = Shipped.Replace("condition: action.confidence >= 0.6", "condition: action.category > 3", StringComparison.Ordinal);

        var result = PactLoader.Load(text);

        Assert.Contains(result.Errors, e => e.Field == "clauses[6].condition" && e.Message.Contains("cannot order string and number", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLine()
    {
        var text = "agentId: a\nlane: incident-classification\nversion: 1\nowner: 'unclosed\n";

        var result = PactLoader.Load(text, "bad.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
        Assert.Equal("bad.yaml", error.File);
    }

    [Fact]
    public void Load_BadEnumValue_ListsAllowedValues()
    {
        var text = Shipped.Replace("  tier: autonomous", "  tier: autonomus", StringComparison.Ordinal);

        var result = PactLoader.Load(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("autonomy.tier", error.Field);
        Assert.Contains("autonomous, supervised, shadow, suspended", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "tier: autonomus"), error.Line);
    }

    [Fact]
    public void Load_MissingRequiredField_NamesIt()
    {
        var text = Shipped.Replace("owner: service-desk-leads@example.com\n", string.Empty, StringComparison.Ordinal);

        var result = PactLoader.Load(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("missing required field(s): owner", error.Message);
        Assert.Equal("$", error.Field);
    }

    [Fact]
    public void Load_DuplicateKey_IsRejected()
    {
        var text = Shipped.Replace("version: 1\n", "version: 1\nversion: 2\n", StringComparison.Ordinal);

        var result = PactLoader.Load(text);

        Assert.False(result.Succeeded);
        Assert.Equal(LineOf(text, "version: 2"), result.Errors[0].Line);
    }

    [Fact]
    public void Load_JsonText_LoadsTheSamePactAsYaml()
    {
        var yaml = PactLoader.Load(Shipped).Pact!;
        var json = System.Text.Json.JsonSerializer.Serialize(yaml, AgentTrust.Domain.Hashing.JsonDefaults.Options);

        var fromJson = PactLoader.Load(json, "p.json");

        Assert.True(fromJson.Succeeded, string.Join("\n", fromJson.Errors));
        Assert.Equal(PactHash.Compute(yaml), PactHash.Compute(fromJson.Pact!));
    }

    static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
