using System.Text.Json;
using AgentTrust.Domain.Metrics.Tooling;

namespace AgentTrust.Tests.Metrics;

public sealed class MetricsCommandTests
{
    static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MetricsCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_VolvoGzipJson_OverallWeeklyAndUnreadableRows()
    {
        var file = MetricsFixtures.WriteTemp(MetricsFixtures.Volvo, gzip: true);
        try
        {
            var (code, output, errors) = await Run(file, "--format", "volvo", "--json");

            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(13, root.GetProperty("rowsRead").GetInt32());
            Assert.Equal(12, root.GetProperty("unreadableRows")[0].GetProperty("line").GetInt32());
            Assert.Equal(2, root.GetProperty("overall").GetProperty("escalatedIncidents").GetInt32());
            Assert.Equal(0.5, root.GetProperty("overall").GetProperty("escalationBounceRate").GetDouble());
            Assert.Equal(3, root.GetProperty("byHandler").GetProperty("human").GetProperty("incidents").GetInt32());
            Assert.Equal(["2010-03-29", "2010-04-05"], root.GetProperty("weekly").EnumerateArray().Select(w => w.GetProperty("weekStart").GetString()));
            Assert.Equal("escalation-review", root.GetProperty("weekly")[0].GetProperty("lane").GetString());
            Assert.Contains(":12: Change Date+Time '31/3/2010' is not a date", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RunAsync_ServiceNowTable_WeekRowsOverallRowAndDefinitions()
    {
        var file = MetricsFixtures.WriteTemp(MetricsFixtures.ServiceNow, gzip: false);
        try
        {
            var (code, output, errors) = await Run(file, "--format=servicenow");

            Assert.Equal(0, code);
            Assert.Contains("MTTR (opened to first resolution) 6.0 h mean, 6.0 h median over 2 resolved incidents", output, StringComparison.Ordinal);
            Assert.Contains("reopen rate 50.0% (1/2)", output, StringComparison.Ordinal);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^2016-02-29 +incident-classification +- +human +2 +2 +6\.0 +6\.0 +50\.0%", lines[^2]);
            Assert.StartsWith("overall ", lines[^1], StringComparison.Ordinal);
            Assert.Contains("2 unreadable row(s)", errors, StringComparison.Ordinal);
            Assert.Contains($"{file}:9: expected 36 fields, found 8", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("file.csv")]
    [InlineData("file.csv", "--format", "jira")]
    [InlineData("/nonexistent/records.csv", "--format", "volvo")]
    public async Task RunAsync_BadUsage_ExitCodeTwo(params string[] args)
    {
        var (code, _, errors) = await Run(args);

        Assert.Equal(2, code);
        Assert.NotEmpty(errors);
    }
}
