using System.Text;
using AgentTrust.Domain.Agents;

namespace AgentTrust.Tests.Agents;

public sealed class AgentVersioningTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    internal static AgentProfile Profile() => AgentProfileReader.Read(Encoding.UTF8.GetBytes(AgentProfileReaderTests.Valid)).Profile!;

    [Fact]
    public void Next_FirstRegistration_IsVersionOneRevisionOne()
    {
        var (registration, change) = AgentVersioning.Next(null, Profile(), T0);

        Assert.Equal(AgentRegistrationChange.Created, change);
        Assert.Equal((1, 1), (registration.Version, registration.Revision));
        Assert.Equal(T0, registration.VersionSince);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("prompt")]
    [InlineData("tool")]
    [InlineData("new tool")]
    public void Next_BehaviourChanged_IsNewVersion(string what)
    {
        var (first, _) = AgentVersioning.Next(null, Profile(), T0);
        var profile = Profile();
        profile = what switch
        {
            "model" => profile with { Model = profile.Model with { Name = "gpt-4.1" } },
            "prompt" => profile with { PromptVersion = "2026-11-20" },
            "tool" => profile with { ToolVersions = new Dictionary<string, string>(profile.ToolVersions) { ["servicenow"] = "1.5.0" } },
            _ => profile with { ToolVersions = new Dictionary<string, string>(profile.ToolVersions) { ["pager"] = "1" } },
        };

        var (next, change) = AgentVersioning.Next(first, profile, T0.AddDays(3));

        Assert.Equal(AgentRegistrationChange.NewVersion, change);
        Assert.Equal((2, 2), (next.Version, next.Revision));
        Assert.Equal(T0.AddDays(3), next.VersionSince);
        Assert.Equal(T0, next.RegisteredAt);
        Assert.NotEqual(first.Fingerprint, next.Fingerprint);
    }

    [Fact]
    public void Next_OnlyContactChanged_IsNewRevisionOfSameVersion()
    {
        var (first, _) = AgentVersioning.Next(null, Profile(), T0);

        var (next, change) = AgentVersioning.Next(first, Profile() with { Contact = new AgentContact("oncall@example.com") }, T0.AddDays(1));

        Assert.Equal(AgentRegistrationChange.Updated, change);
        Assert.Equal((1, 2), (next.Version, next.Revision));
        Assert.Equal(T0, next.VersionSince);
    }

    [Fact]
    public void Next_SameProfileAgain_IsUnchanged()
    {
        var (first, _) = AgentVersioning.Next(null, Profile(), T0);

        var (next, change) = AgentVersioning.Next(first, Profile(), T0.AddDays(1));

        Assert.Equal(AgentRegistrationChange.Unchanged, change);
        Assert.Same(first, next);
    }

    [Fact]
    public void Compose_VersionOneAddsNothingLaterVersionsAreNamed()
    {
        Assert.Equal("sha256:p", AgentTrustVersion.Compose("sha256:p", 1));
        Assert.Equal("sha256:p|agent-v3", AgentTrustVersion.Compose("sha256:p|agent-v2", 3));
        Assert.Equal("sha256:p", AgentTrustVersion.PactPart("sha256:p|agent-v3"));
    }
}
