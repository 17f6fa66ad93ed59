using System.Text;
using System.Text.Json;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.TrustConsole;

namespace AgentTrust.Tests.TrustConsole;

public sealed class ApproverGroupCheckTests
{
    const string EntraId = "6a1c9c57-3f0e-4a3b-9d55-0c7e1f2b8a10";

    static Dictionary<string, ApproverGroupOptions> Groups()
    {
        var leads = new ApproverGroupOptions { EntraGroupId = EntraId };
        leads.Members.Add("Lead@Example.com");
        var managers = new ApproverGroupOptions();
        managers.Emails.Add("mim@example.com");
        return new Dictionary<string, ApproverGroupOptions>(StringComparer.Ordinal) { ["leads"] = leads, ["major-incident-managers"] = managers };
    }

    [Fact]
    public void MemberOf_NameListedAsMemberIgnoringCase_AdmitsForThatGroup() =>
        Assert.Equal("leads", ApproverGroupCheck.MemberOf(new ConsoleUser("lead@example.com", "development"), ["leads"], Groups()));

    [Fact]
    public void MemberOf_NameAmongTheGroupsEmails_Admits() =>
        Assert.Equal("major-incident-managers", ApproverGroupCheck.MemberOf(new ConsoleUser("mim@example.com", "development"), ["leads", "major-incident-managers"], Groups()));

    [Fact]
    public void MemberOf_EntraGroupClaim_Admits() =>
        Assert.Equal("leads", ApproverGroupCheck.MemberOf(new ConsoleUser("someone@example.com", "app-service-authentication", [EntraId.ToUpperInvariant()]), ["leads"], Groups()));

    [Fact]
    public void MemberOf_AppRoleNamedLikeTheGroup_Admits() =>
        Assert.Equal("leads", ApproverGroupCheck.MemberOf(new ConsoleUser("someone@example.com", "app-service-authentication", Roles: ["leads"]), ["leads"], Groups()));

    [Fact]
    public void MemberOf_MemberOfAGroupNotAsked_IsRefused() =>
        Assert.Null(ApproverGroupCheck.MemberOf(new ConsoleUser("mim@example.com", "development"), ["leads"], Groups()));

    [Fact]
    public void MemberOf_OutsiderWithOtherClaims_IsRefused() =>
        Assert.Null(ApproverGroupCheck.MemberOf(new ConsoleUser("outsider@example.com", "app-service-authentication", [Guid.NewGuid().ToString()], ["readers"]), ["leads"], Groups()));

    [Fact]
    public void MemberOf_GroupNotConfigured_AdmitsNobody() =>
        Assert.Null(ApproverGroupCheck.MemberOf(new ConsoleUser("lead@example.com", "development"), ["security"], Groups()));

    [Fact]
    public void MemberOf_NobodySignedInOrNoGroupsAsked_IsRefused()
    {
        Assert.Null(ApproverGroupCheck.MemberOf(new ConsoleUser(null, "development"), ["leads"], Groups()));
        Assert.Null(ApproverGroupCheck.MemberOf(new ConsoleUser("lead@example.com", "development"), null, Groups()));
    }

    [Fact]
    public void ReadPrincipal_EasyAuthHeader_ReadsGroupsAndRolesOfItsRoleType()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
            claims = new[]
            {
                new { typ = "groups", val = EntraId },
                new { typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", val = "leads" },
                new { typ = "name", val = "Lead" },
            },
        })));

        var (groups, roles) = ConsoleSignIn.ReadPrincipal(header);

        Assert.Equal([EntraId], groups);
        Assert.Equal(["leads"], roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzEsMl0=")]
    public void ReadPrincipal_MissingOrUnreadable_GivesNoClaims(string? header)
    {
        var (groups, roles) = ConsoleSignIn.ReadPrincipal(header);

        Assert.Empty(groups);
        Assert.Empty(roles);
    }
}
