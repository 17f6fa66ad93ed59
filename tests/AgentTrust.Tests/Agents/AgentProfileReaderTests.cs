using System.Text;
using AgentTrust.Domain.Agents;

namespace AgentTrust.Tests.Agents;

public sealed class AgentProfileReaderTests
{
    internal const string Valid = """
        {
          "id": "classifier-01",
          "owner": "service-desk-leads@example.com",
          "lanes": ["incident-classification", "problem-triage"],
          "model": { "name": "gpt-4o-2024-08-06", "provider": "azure-openai" },
          "promptVersion": "2026-11-01",
          "toolVersions": { "servicenow": "1.4.0", "kb-search": "2.0" },
          "contact": { "email": "desk-agents@example.com", "name": "Desk agents" },
          "endpoint": "https://agents.example.com/classifier",
          "description": "Classifies new incidents."
        }
        """;

    static (AgentProfile? Profile, IReadOnlyList<AgentTrust.Domain.Actions.FieldError> Errors) Read(string json) => AgentProfileReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_ValidRegistration_ReturnsEveryField()
    {
        var (profile, errors) = Read(Valid);

        Assert.Empty(errors);
        Assert.NotNull(profile);
        Assert.Equal("classifier-01", profile.AgentId);
        Assert.Equal(["incident-classification", "problem-triage"], profile.Lanes);
        Assert.Equal(new AgentModel("gpt-4o-2024-08-06", "azure-openai"), profile.Model);
        Assert.Equal("1.4.0", profile.ToolVersions["servicenow"]);
        Assert.Equal("desk-agents@example.com", profile.Contact.Email);
        Assert.Equal(new Uri("https://agents.example.com/classifier"), profile.Endpoint);
    }

    [Fact]
    public void Read_EveryFieldWrong_NamesEachFieldAndReturnsNoProfile()
    {
        var (profile, errors) = Read("""
            {
              "id": "-bad id",
              "owner": "",
              "lanes": ["incident-classification", "incident-routing", "incident-classification"],
              "model": { "name": "m", "vendor": "x" },
              "promptVersion": "has spaces",
              "toolVersions": { "servicenow": 3 },
              "contact": { "email": "not-an-address" },
              "endpoint": "https://user:secret@agents.example.com/x?key=1",
              "colour": "blue"
            }
            """);

        Assert.Null(profile);
        var fields = errors.Select(e => e.Field).ToHashSet();
        string[] expected = ["id", "owner", "lanes[1]", "lanes[2]", "model.vendor", "model.provider", "promptVersion", "toolVersions.servicenow", "contact.email", "endpoint", "colour"];
        Assert.All(expected, field => Assert.Contains(field, fields));
    }

    [Fact]
    public void Read_MissingRequiredFields_NamesEachRequiredField()
    {
        var (profile, errors) = Read("{}");

        Assert.Null(profile);
        Assert.Equal(["id", "owner", "lanes", "model", "promptVersion", "contact"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("{\"id\": ", "$")]
    [InlineData("{\"id\":\"a\",\"lanes\":\"incident-classification\"}", "lanes")]
    [InlineData("{\"id\":\"a\",\"endpoint\":\"ftp://agents.example.com\"}", "endpoint")]
    public void Read_MalformedShapes_NamesTheField(string json, string field)
    {
        var (profile, errors) = Read(json);

        Assert.Null(profile);
        Assert.Contains(errors, e => e.Field == field);
    }
}
