using System.Text.Json;
using AgentTrust.IntegrationTests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>
/// The console in headless Chromium (Debian's <c>chromium</c>, driven by Playwright's bundled driver, offline) against
/// the local host on Azurite: load, navigate by keyboard and mouse, chart trust, approve a pending action and see the
/// decision change, verify an evidence record in the page (and see a tampered one fail), and check accessibility with
/// axe. Screenshots go to <c>AGENTTRUST_CONSOLE_SCREENSHOTS</c> when set (docs/console/ is made that way). Skips (passes
/// with a message) when Chromium is not installed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    const string Chromium = "/usr/bin/chromium";

    static async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenAsync(Uri url)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(url.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Empty(errors);
        return (playwright, browser, page);
    }

    static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("AGENTTRUST_CONSOLE_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "agenttrust-console");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    static async Task AssertAccessibleAsync(IPage page, string view)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe found in {view}:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Console_InHeadlessChromium_NavigatesChartsApprovesAndVerifiesEvidence()
    {
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"SKIPPED: {Chromium} is not installed (apt-get install -y chromium); the console was not driven in a browser.");
            return;
        }

        var actions = await ConsoleActions.ProposeAsync(fixture.Api, waiting: 2);
        var (playwright, browser, page) = await OpenAsync(new Uri(fixture.Host.BaseUrl, "/api/console"));
        try
        {
            // Agents and lanes: the agent's row with its tier and scores, then its history chart.
            Assert.Contains(ConsoleFixture.Approver, await page.InnerTextAsync("#session"), StringComparison.Ordinal);
            var chartButton = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Chart {actions.Agent} in incident-classification" });
            await chartButton.WaitForAsync();
            var trustRow = page.Locator("#trust-table tbody tr", new PageLocatorOptions { Has = chartButton });
            Assert.Contains("autonomous", await trustRow.InnerTextAsync(), StringComparison.Ordinal);
            await chartButton.ClickAsync();
            await page.WaitForSelectorAsync("#trust-history svg path[data-series='Conduct (lower bound)']");
            Assert.Equal("history-heading", await page.EvaluateAsync<string>("document.activeElement.id"));
            await AssertAccessibleAsync(page, "agents and lanes");
            await ScreenshotAsync(page, "trust");

            // Keyboard: the Approvals tab is reached with Tab and opened with Enter.
            await page.FocusAsync("a[data-view='trust']");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("approvals", await page.EvaluateAsync<string>("document.activeElement.dataset.view"));
            await page.Keyboard.PressAsync("Enter");
            var row = page.Locator($"#approvals-table tr[data-action-row='{actions.Waiting}']");
            await row.WaitForAsync();
            Assert.Equal("page", await page.GetAttributeAsync("a[data-view='approvals']", "aria-current"));
            Assert.Contains("awaiting-approval", await row.InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessibleAsync(page, "pending approvals");
            await ScreenshotAsync(page, "approvals");

            await page.GetByLabel("Comment").First.IsVisibleAsync();
            await row.Locator("input").FillAsync("checked in the console");
            await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve" }).ClickAsync();
            await page.WaitForSelectorAsync($"#approvals-table tr[data-action-row='{actions.Waiting}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 30_000 });
            Assert.Contains($"Approved {actions.Waiting} as {ConsoleFixture.Approver}", await page.InnerTextAsync("#approvals-result"), StringComparison.Ordinal);
            var decided = await fixture.Api.GetAsync(actions.Waiting);
            Assert.Equal("approved", decided.GetProperty("status").GetString());
            Assert.Equal(ConsoleFixture.Approver, decided.GetProperty("approval").GetProperty("approver").GetString());

            // Recent decisions: the answered action now shows approved, by whom, with the comment.
            await page.ClickAsync("a[data-view='decisions']");
            var decision = page.Locator($"#decisions-table tr[data-action-row='{actions.Waiting}']");
            await decision.WaitForAsync();
            var text = await decision.InnerTextAsync();
            Assert.Contains("approved", text, StringComparison.Ordinal);
            Assert.Contains($"{ConsoleFixture.Approver}: checked in the console", text, StringComparison.Ordinal);
            Assert.Contains("never-sets-p1", await page.Locator($"#decisions-table tr[data-action-row='{actions.Blocked}']").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessibleAsync(page, "recent decisions");
            await ScreenshotAsync(page, "decisions");

            // Evidence: the applied action's decision record, verified in the page once a checkpoint covers it.
            await page.ClickAsync($"#decisions-table tr[data-action-row='{actions.Applied}'] a[data-verify]");
            var verdict = await WaitForVerdictAsync(page);
            Assert.Equal("verified", verdict);
            var checks = await page.InnerTextAsync("#evidence-result .checks");
            Assert.Contains("passed: Record signature", checks, StringComparison.Ordinal);
            Assert.Contains("passed: Inclusion proof (RFC 9162) reaches the checkpoint root", checks, StringComparison.Ordinal);
            Assert.Contains("passed: Checkpoint signature", checks, StringComparison.Ordinal);
            Assert.DoesNotContain("failed", checks, StringComparison.Ordinal);
            await AssertAccessibleAsync(page, "evidence");
            await ScreenshotAsync(page, "evidence");

            // Weekly metrics and the lane ranking: shown when the deployment has them, "not available" when it answers 404.
            using var http = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
            using var ranking = await http.GetAsync(new Uri("/api/lanes/ranking", UriKind.Relative));
            await page.ClickAsync("a[data-view='ranking']");
            await page.WaitForSelectorAsync("#ranking-body table, #ranking-body p:not(:has-text('Loading'))");
            if (ranking.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                Assert.Equal("true", await page.GetAttributeAsync("#ranking-body p", "data-unavailable"));
            }

            await page.ClickAsync("a[data-view='metrics']");
            await page.WaitForSelectorAsync("#metrics-body table, #metrics-body p:not(:has-text('Loading'))");
            Assert.DoesNotContain("Request failed", await page.InnerTextAsync("#metrics-body"), StringComparison.Ordinal);
            await AssertAccessibleAsync(page, "metrics");
            await ScreenshotAsync(page, "metrics");
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task EvidenceView_TamperedRecordBytes_FailsInTheBrowser()
    {
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"SKIPPED: {Chromium} is not installed; the evidence check was not run in a browser.");
            return;
        }

        var actions = await ConsoleActions.ProposeAsync(fixture.Api);
        var location = (await fixture.Api.GetAsync(actions.Applied)).GetProperty("evidence").EnumerateArray()
            .Select(e => e.GetString()!).First(e => e.EndsWith("-decision.json", StringComparison.Ordinal));
        var (playwright, browser, page) = await OpenAsync(new Uri(fixture.Host.BaseUrl, "/api/console#evidence"));
        try
        {
            // The server's answer is altered on the way (one byte of the record): the browser must notice on its own.
            await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/evidence/record\\?"), async route =>
            {
                var response = await route.FetchAsync();
                var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.TextAsync())!;
                var record = Convert.FromBase64String(body["record"].GetString()!);
                // A character in the middle of the base64 payload: every bit of it is significant (a last character's may not be).
                var at = System.Text.Encoding.ASCII.GetString(record).IndexOf("\"payload\":\"", StringComparison.Ordinal) + 40;
                record[at] = record[at] == (byte)'A' ? (byte)'B' : (byte)'A';
                body["record"] = JsonSerializer.SerializeToElement(Convert.ToBase64String(record));
                await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = JsonSerializer.Serialize(body) });
            });
            await page.GetByLabel("Record name").FillAsync(location);
            await page.Keyboard.PressAsync("Enter");
            var verdict = await WaitForVerdictAsync(page);

            Assert.Equal("failed", verdict);
            Assert.Contains("failed: Record signature", await page.InnerTextAsync("#evidence-result .checks"), StringComparison.Ordinal);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The verdict, re-asking while the record is not yet covered by a checkpoint (the host signs every 2 s).</summary>
    static async Task<string> WaitForVerdictAsync(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.WaitForSelectorAsync("#evidence-verdict", new PageWaitForSelectorOptions { Timeout = 30_000 });
            var verdict = (await page.GetAttributeAsync("#evidence-verdict", "data-verdict"))!;
            if (verdict != "pending" || attempt >= 30)
            {
                return verdict;
            }

            await Task.Delay(1000);
            await page.ClickAsync("#evidence-form button[type='submit']");
        }
    }
}
