using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Approvals;

/// <summary>
/// Approval through the links a Teams card carries, end to end on the local host and Azurite: the card arrives at the
/// webhook, its link opens a confirmation page that changes nothing, and only the page's POST decides.
/// </summary>
public sealed class ApprovalLinkTests(ApprovalLinkFixture fixture) : IClassFixture<ApprovalLinkFixture>
{
    const string Chromium = "/usr/bin/chromium";

    static string NewAgent() => "agent-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Proposes a low-confidence action and returns its id and the (approve, reject) links from its Teams card.</summary>
    async Task<(string Id, Uri Approve, Uri Reject)> AwaitingWithCardAsync()
    {
        var agent = NewAgent();
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.PublishAsync(Actions.Pact(agent))).StatusCode);
        var (_, view) = await fixture.Api.ProposeAsync(Actions.Classify(agent, "k1", priority: 3, confidence: 0.4));
        var id = view.GetProperty("id").GetString()!;
        await fixture.Api.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "awaiting-approval");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var card in fixture.Teams.Cards)
            {
                using var document = JsonDocument.Parse(card);
                var actions = document.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions");
                var approve = new Uri(actions[0].GetProperty("url").GetString()!);
                if (approve.AbsolutePath.Contains(id, StringComparison.Ordinal))
                {
                    // The links name the configured public base URL; the test host listens on its own port.
                    return (id, new Uri(fixture.Host.BaseUrl, approve.PathAndQuery), new Uri(fixture.Host.BaseUrl, new Uri(actions[1].GetProperty("url").GetString()!).PathAndQuery));
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no Teams card arrived for {id}");
    }

    static FormUrlEncodedContent Form(Uri link, string comment) => new(new Dictionary<string, string>
    {
        ["token"] = Uri.UnescapeDataString(link.Query.Split("token=")[1]),
        ["comment"] = comment,
    });

    [Fact]
    public async Task ConfirmLink_GetThenPost_PageChangesNothingPostApproves()
    {
        var (id, approve, _) = await AwaitingWithCardAsync();
        using var http = new HttpClient();

        using var page = await http.GetAsync(approve);
        var html = await page.Content.ReadAsStringAsync();
        await Task.Delay(1000);
        var stillWaiting = await fixture.Api.GetAsync(id);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Equal("awaiting-approval", stillWaiting.GetProperty("status").GetString());

        using var posted = await http.PostAsync(new Uri(fixture.Host.BaseUrl, $"/api/approvals/{id}/confirm"), Form(approve, "looks right"));
        var done = await fixture.Api.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "approved", "rejected", "expired");
        using var replay = await http.PostAsync(new Uri(fixture.Host.BaseUrl, $"/api/approvals/{id}/confirm"), Form(approve, "again"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("approved", done.GetProperty("status").GetString());
        Assert.Equal("teams:leads", done.GetProperty("approval").GetProperty("approver").GetString());
        Assert.Equal("looks right", done.GetProperty("approval").GetProperty("comment").GetString());
        Assert.True(replay.StatusCode is HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConfirmLink_ForgedToken_Refused401AsProblem()
    {
        var (id, _, reject) = await AwaitingWithCardAsync();
        using var http = new HttpClient();
        var token = Uri.UnescapeDataString(reject.Query.Split("token=")[1]);
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);

        using var response = await http.PostAsync(
            new Uri(fixture.Host.BaseUrl, $"/api/approvals/{id}/confirm"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = forged }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("awaiting-approval", (await fixture.Api.GetAsync(id)).GetProperty("status").GetString());
    }

    /// <summary>
    /// A real browser (headless Chromium, as a mail scanner or link preview would) opens the approval link: the page
    /// renders its labelled form and the action is still waiting afterwards. Skips (passes with a message) when
    /// Debian's <c>chromium</c> is not installed.
    /// </summary>
    [Fact]
    public async Task ConfirmLink_OpenedInHeadlessChromium_RendersFormAndDecidesNothing()
    {
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"SKIPPED: {Chromium} is not installed (apt-get install -y chromium); the confirmation page was not rendered in a browser.");
            return;
        }

        var (id, approve, _) = await AwaitingWithCardAsync();
        var profile = Path.Combine(Path.GetTempPath(), "agenttrust-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--dump-dom", approve.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string dom;
        using (var browser = Process.Start(start)!)
        {
            var stderr = browser.StandardError.ReadToEndAsync();
            dom = await browser.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await browser.WaitForExitAsync(timeout.Token);
            Assert.True(dom.Length > 0, "chromium printed no DOM: " + await stderr);
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing files; the temp profile is harmless.
        }

        Assert.Contains("<html lang=\"en\">", dom, StringComparison.Ordinal);
        Assert.Contains("<label for=\"comment\">", dom, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" id=\"confirm\">Approve</button>", dom, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Equal("awaiting-approval", (await fixture.Api.GetAsync(id)).GetProperty("status").GetString());
    }
}
