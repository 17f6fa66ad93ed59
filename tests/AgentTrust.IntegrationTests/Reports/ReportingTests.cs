using System.Net;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Packages;
using AgentTrust.Domain.Reports;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Metrics;
using AgentTrust.Orchestrations.Reports;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Reports;

/// <summary>
/// GET /api/lanes/ranking, <c>agenttrust report</c> and <c>agenttrust evidence verify --package</c> over what a real
/// local host on Azurite recorded (signed evidence, trust, stored metrics).
/// </summary>
public sealed class ReportingTests(ReportingHostFixture fixture) : IClassFixture<ReportingHostFixture>
{
    static readonly string[] ChartFiles = [.. ReportCharts.All.Select(c => c.File)];

    [Fact]
    public async Task GetLaneRanking_AfterGovernedActions_RanksTheTenLanesWithThisLanesEvidence()
    {
        var ranking = await fixture.GetJsonAsync("/api/lanes/ranking");
        var trust = await fixture.GetJsonAsync($"/api/agents/{fixture.Agent}/trust");

        var lanes = ranking.GetProperty("lanes").EnumerateArray().ToList();
        Assert.Equal(Domain.Lanes.Lanes.All.Order(StringComparer.Ordinal), lanes.Select(l => l.GetProperty("lane").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 10), lanes.Select(l => l.GetProperty("rank").GetInt32()));
        var classification = lanes.Single(l => l.GetProperty("lane").GetString() == Domain.Lanes.Lanes.IncidentClassification);
        var agentLane = trust.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("lane").GetString() == Domain.Lanes.Lanes.IncidentClassification);
        var events = agentLane.GetProperty("conduct").GetProperty("events").GetInt64() + agentLane.GetProperty("outcome").GetProperty("events").GetInt64();
        Assert.True(events >= 7, $"{events} trust events");
        Assert.Equal(events, classification.GetProperty("trust").GetProperty("events").GetInt64());
        Assert.Equal(1, classification.GetProperty("trust").GetProperty("agents").GetInt32());
        // The one pact published: classify only (advisory), no rate limit, no consequence paths.
        var downside = classification.GetProperty("downside");
        Assert.Equal(fixture.Agent, downside.GetProperty("agentId").GetString());
        Assert.Equal(1.0, downside.GetProperty("reversibility").GetDouble());
        Assert.Equal(1.0, downside.GetProperty("blastRadius").GetDouble());
        // The pooled score of a one-agent lane is that agent's score, as the trust API reports it.
        Assert.Equal(agentLane.GetProperty("conduct").GetProperty("mean").GetDouble(), classification.GetProperty("trust").GetProperty("conductMean").GetDouble(), 4);
        Assert.Equal(agentLane.GetProperty("outcome").GetProperty("mean").GetDouble(), classification.GetProperty("trust").GetProperty("outcomeMean").GetDouble(), 4);
        // Seven actions (one blocked) are not enough evidence to widen anything; lanes without a pact say so.
        Assert.NotEqual("widen", classification.GetProperty("recommendation").GetString());
        Assert.NotEmpty(classification.GetProperty("reasons").EnumerateArray());
        Assert.False(ranking.TryGetProperty("widenNext", out var next) && next.ValueKind == JsonValueKind.String, "no lane is ready to widen");
        var other = lanes.First(l => l.GetProperty("lane").GetString() == Domain.Lanes.Lanes.ChangeRiskWarning);
        Assert.Contains(other.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("no pact", StringComparison.Ordinal));
        Assert.Equal(0, other.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Report_FromLocalHostEvidence_ChartsPresentAndNumbersMatchTheStoredEvidence()
    {
        var outDir = NewFolder();
        var (code, stdout, stderr) = await RunReportAsync(outDir);
        Assert.True(code == 0, stdout + stderr);

        // Charts: six PNG files, each also embedded in the page; the page loads nothing from anywhere.
        foreach (var chart in ChartFiles)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(outDir, "charts", chart));
            Assert.True(png.Length > 1000, chart);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Equal(ChartFiles.Length, CountOf(html, "src=\"data:image/png;base64,"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        Assert.Contains(fixture.Week.ToString(), markdown, StringComparison.Ordinal);
        Assert.All(ChartFiles, c => Assert.Contains("charts/" + c, markdown, StringComparison.Ordinal));

        // Numbers: against the evidence records in storage, and the stored metrics.
        var bundle = await new StorageEvidenceExporter(fixture.Clients).ReadAsync();
        var drafts = bundle.Logs.Single(l => l.LogId == fixture.Agent).Leaves.Select(r => EvidenceEnvelopes.Open(r.Content).Draft).ToList();
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(outDir, "report.json")));
        var root = report.RootElement;
        var decisions = root.GetProperty("decisions").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("count").GetInt32());
        Assert.Equal(drafts.Count(d => d.Kind == EvidenceKinds.Decision), decisions.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["auto-apply"] = 4, ["block"] = 1, ["require-approval"] = 2 }, decisions);
        var approvals = root.GetProperty("approvals").EnumerateArray().ToList();
        Assert.Equal(["approved", "rejected"], approvals.Select(a => a.GetProperty("outcome").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(approvals, a => Assert.True(a.GetProperty("latencySeconds").GetDouble() >= 1));
        var series = Assert.Single(root.GetProperty("trust").EnumerateArray());
        Assert.Equal(fixture.Agent, series.GetProperty("agentId").GetString());
        var signalIds = drafts.Where(d => d.Kind == EvidenceKinds.TrustChange)
            .Select(d => d.Payload.Deserialize<Domain.Trust.TrustChangeRecord>(Domain.Hashing.JsonDefaults.Options)!.Signal.SignalId).Distinct().Count();
        Assert.Equal(signalIds, series.GetProperty("signalsInWeek").GetInt32());
        var lastPoint = series.GetProperty("points").EnumerateArray().Last();
        // The report shows trust as the evidence says: the same count as a recomputation from that evidence.
        // (The stored incremental state is compared with the evidence by the trust tests and the hourly recompute.)
        var recomputed = Domain.Trust.TrustRecomputation.Run(bundle, new Domain.Evidence.Verification.EvidenceVerifier(), Domain.Trust.TrustParameters.Default);
        var storedEvents = recomputed.States.Where(s => s.Key.AgentId == fixture.Agent).Sum(s => s.Value.Events);
        Assert.Equal(storedEvents, lastPoint.GetProperty("events").GetInt64());
        var metrics = root.GetProperty("metrics").EnumerateArray().ToList();
        var agentsThisWeek = metrics.Single(m => m.GetProperty("handler").GetString() == "agent" && m.GetProperty("weekStart").GetString() == fixture.StoredMetrics[0].WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fixture.StoredMetrics[0].Metrics.Tickets, agentsThisWeek.GetProperty("tickets").GetInt32());
        Assert.Equal(fixture.StoredMetrics[0].Metrics.MttrHours, agentsThisWeek.GetProperty("mttrHours").GetDouble());
        Assert.Equal(3, metrics.Count);
        Assert.Contains("| decisions | 7 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidenceVerifyPackage_UntouchedThenTampered_PassesThenNamesTheTamperedFile()
    {
        var outDir = NewFolder();
        var (code, stdout, stderr) = await RunReportAsync(outDir, "--zip", outDir + ".zip");
        Assert.True(code == 0, stdout + stderr);
        var manifest = JsonSerializer.Deserialize<PackageManifest>(await File.ReadAllBytesAsync(Path.Combine(outDir, PackageManifest.FileName)), Domain.Hashing.JsonDefaults.Options)!;
        var records = manifest.Files.Where(f => f.Path.StartsWith(PackageManifest.RecordsFolder, StringComparison.Ordinal)).ToList();
        // Decisions, approvals and trust changes behind the report, each with a proof under the checkpoint the report signed.
        Assert.True(records.Count >= 7 + 2 + 7, $"{records.Count} records");
        Assert.All(records, r => Assert.Contains(manifest.Files, f => f.Path == PackageManifest.ProofPath("records/" + r.Path[PackageManifest.RecordsFolder.Length..])));

        var good = await VerifyAsync(outDir);
        var goodZip = await VerifyAsync(outDir + ".zip");
        Assert.True(good.Code == 0, good.Output);
        Assert.Contains("package verified", good.Output, StringComparison.Ordinal);
        Assert.True(goodZip.Code == 0, goodZip.Output);

        // A record altered without the key: the manifest hash, and its own signature, name it.
        var tampered = records[records.Count / 2].Path;
        var full = Path.Combine(outDir, tampered);
        await File.WriteAllBytesAsync(full, Evidence.EvidenceFixtures.Alter(await File.ReadAllBytesAsync(full)));
        var bad = await VerifyAsync(outDir);
        Assert.Equal(1, bad.Code);
        Assert.Contains("first bad file: " + tampered, bad.Output, StringComparison.Ordinal);

        // The report page changed after signing is named too; a file slipped in is named as added.
        var html = Path.Combine(outDir, "report.html");
        await File.WriteAllTextAsync(html, (await File.ReadAllTextAsync(html)).Replace("<h1>", "<h1>Approved by audit ", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(outDir, "extra.txt"), "not signed");
        var worse = await VerifyAsync(outDir);
        Assert.Contains("report.html: its SHA-256 does not match the manifest (altered)", worse.Output, StringComparison.Ordinal);
        Assert.Contains("extra.txt: not in the manifest (added)", worse.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishWeeklyReport_TwoRunsClaimTheSameWeek_OnePublishedServedByTheApiAndItsPackageVerifies()
    {
        var signers = EvidenceSignerFactory.Create(new EvidenceOptions
        {
            CheckpointKeyPath = Path.Combine(fixture.KeyDirectory, "checkpoints.pem"),
            RecordKeyPath = Path.Combine(fixture.KeyDirectory, "records.pem"),
        });
        var options = Options.Create(new WeeklyReportOptions { ContainerName = fixture.ReportsContainer });
        var generator = new WeeklyReportGenerator(
            fixture.Clients, new TableWeeklyMetricsStore(fixture.Clients, Options.Create(new WeeklyMetricsOptions { TableName = fixture.MetricsTable })), TrustParameters.Default, TimeProvider.System);
        var store = new BlobWeeklyReportStore(fixture.Clients, options);
        var week = fixture.Week;

        // Not published yet: the API says so as a problem, and the list does not hold it.
        var missing = await fixture.Http.GetAsync(new Uri($"/api/reports/{week}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        // Two runs (two Functions instances firing at once) race to claim the week: one report stands.
        var content = await generator.BuildAsync(week, signers);
        var both = await Task.WhenAll(store.PublishAsync(content, "run-a", DateTimeOffset.UtcNow), store.PublishAsync(content, "run-b", DateTimeOffset.UtcNow));
        var winner = Assert.Single(both, p => p.PublishedNow);
        Assert.All(both, p => Assert.Equal(winner.Report.RunId, p.Report.RunId));
        var runs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in fixture.Clients.Blobs.GetBlobContainerClient(fixture.ReportsContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{week}/runs/", CancellationToken.None))
        {
            runs.Add(blob.Name.Split('/')[2]);
        }

        Assert.Equal([winner.Report.RunId], runs);

        // The job finds the week published and leaves it as it is.
        var job = new WeeklyReportJob(generator, store, signers, options, TimeProvider.System);
        var again = await job.PublishAsync(week);
        Assert.False(again.PublishedNow);
        Assert.Equal(winner.Report.RunId, again.Report.RunId);

        // The host's API lists it, serves its page, and hands out its package, which verifies offline.
        var list = await fixture.GetJsonAsync("/api/reports");
        Assert.Contains(list.GetProperty("reports").EnumerateArray(), r => r.GetProperty("week").GetString() == week.ToString() && r.GetProperty("packaged").GetBoolean());
        var page = await fixture.Http.GetAsync(new Uri($"/api/reports/{week}", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(week.ToString(), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", string.Join(';', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var package = await fixture.Http.GetAsync(new Uri($"/api/reports/{week}/package", UriKind.Relative));
        package.EnsureSuccessStatusCode();
        Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        var zip = NewFolder() + ".zip";
        await File.WriteAllBytesAsync(zip, await package.Content.ReadAsByteArrayAsync());
        var verified = await VerifyAsync(zip);
        Assert.True(verified.Code == 0, verified.Output);
        Assert.Contains("package verified", verified.Output, StringComparison.Ordinal);

        var badWeek = await fixture.Http.GetAsync(new Uri("/api/reports/2026-W99", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badWeek.StatusCode);
    }

    async Task<(int Code, string Stdout, string Stderr)> RunReportAsync(string outDir, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ReportCommand.RunAsync([.. fixture.ReportArgs, "--week", fixture.Week.ToString(), "--out", outDir, .. extra], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static async Task<(int Code, string Output)> VerifyAsync(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EvidenceCommand.RunAsync(["verify", "--package", path], stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    static string NewFolder() => Path.Combine(Path.GetTempPath(), "agenttrust-report-" + Guid.NewGuid().ToString("N")[..8]);

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
