using System.Net;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// Console approvals as the signed-in approver, over HTTP against the local host on Azurite with App Service
/// Authentication's headers believed: a signed-in person outside the action's approver groups is refused (403 problem,
/// the action still waits, a signed <c>approval-refusal</c> record); a member (by Entra ID group claim, or by name)
/// answers and is recorded as the approver.
/// </summary>
public sealed class ConsoleApproverGroupTests(EasyAuthConsoleFixture fixture) : IClassFixture<EasyAuthConsoleFixture>
{
    static string Principal(params (string Type, string Value)[] claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
    })));

    async Task<HttpResponseMessage> AnswerAsync(string id, string name, string? principal, bool approved)
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/console/approvals/{id}")
        {
            Content = new StringContent(approved ? """{"approved":true}""" : """{"approved":false}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-AgentTrust-Console", "1");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", name);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task DecideInConsole_NonMemberRefused403AndRecorded_MemberByGroupClaimApproves()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        const string outsider = "outsider@example.com";

        using var refused = await AnswerAsync(actions.Waiting, outsider, Principal(("groups", Guid.NewGuid().ToString()), ("roles", "readers")), approved: true);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("not-an-approver", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("leads", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("awaiting-approval", (await fixture.Api.GetAsync(actions.Waiting)).GetProperty("status").GetString());
        var refusal = Assert.Single(await RefusalsAsync(actions.Agent));
        Assert.Equal(
            (actions.Waiting, "not-an-approver", outsider, 403),
            (refusal.GetProperty("actionId").GetString(), refusal.GetProperty("reason").GetString(), refusal.GetProperty("approver").GetString(), refusal.GetProperty("status").GetInt32()));
        Assert.Equal(["leads"], refusal.GetProperty("approverGroups").EnumerateArray().Select(g => g.GetString()));

        const string member = "group-member@example.com";
        using var accepted = await AnswerAsync(actions.Waiting, member, Principal(("groups", EasyAuthConsoleFixture.LeadsEntraGroupId)), approved: true);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var done = await fixture.Api.WaitForStatusAsync(actions.Waiting, TimeSpan.FromSeconds(30), "approved", "rejected", "expired");
        Assert.Equal("approved", done.GetProperty("status").GetString());
        Assert.Equal(member, done.GetProperty("approval").GetProperty("approver").GetString());
    }

    [Fact]
    public async Task DecideInConsole_MemberByNameWithoutClaims_RejectsAsThatApprover()
    {
        var actions = await ConsoleActions.ProposeAsync(fixture.Api);

        using var response = await AnswerAsync(actions.Waiting, EasyAuthConsoleFixture.NamedLead, principal: null, approved: false);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await fixture.Api.WaitForStatusAsync(actions.Waiting, TimeSpan.FromSeconds(30), "approved", "rejected", "expired");
        Assert.Equal("rejected", done.GetProperty("status").GetString());
        Assert.Equal(EasyAuthConsoleFixture.NamedLead, done.GetProperty("approval").GetProperty("approver").GetString());
        Assert.Empty(await RefusalsAsync(actions.Agent));
    }

    async Task<IReadOnlyList<JsonElement>> RefusalsAsync(string agent)
    {
        var bundle = await new Orchestrations.Evidence.StorageEvidenceExporter(StoredEvidenceNames.Clients(fixture.ConnectionString)).ReadAsync();
        var refusals = new List<JsonElement>();
        foreach (var record in bundle.Logs.Single(l => l.LogId == agent).Leaves)
        {
            var opened = EvidenceEnvelopes.Open(record.Content!);
            if (opened.Draft.Kind == Domain.Evidence.EvidenceKinds.ApprovalRefusal)
            {
                Assert.NotEmpty(opened.Envelope.Signatures);
                refusals.Add(opened.Draft.Payload.GetProperty("record").Clone());
            }
        }

        return refusals;
    }
}
