using AgentTrust.Cli.Bench;
using AgentTrust.Cli.Chaos;
using AgentTrust.Cli.Demo;
using AgentTrust.Cli.LocalHost;
using AgentTrust.Cli.Replay;

namespace AgentTrust.Cli;

/// <summary>The verbs of <c>agenttrust</c>. Each verb is a class of its own; this only dispatches.</summary>
public static class CommandLine
{
    public const string Usage = """
        agenttrust - the trust layer for AI agents in IT service management

        usage:
          agenttrust serve [--AgentTrust:LocalHost:Url=http://127.0.0.1:7071] [--AzureWebJobsStorage=CONNECTION]
              runs the local host: the HTTP API and the governed workflows, durable on Azure Storage (Azurite)
          agenttrust demo [--count N] [--AzureWebJobsStorage=CONNECTION]
              starts the local host and replays real ServiceNow incidents through its API as agent actions
          agenttrust replay [--url URL] [--limit 300] [--speed 0] [--lanes incidents,changes] [--out replay-report]
              streams later real records through the API as trained agents' actions and outcomes, and compares no governance,
              a confidence threshold and AgentTrust on the same stream (docs/evaluation.md)
          agenttrust pact lint PATH...            validates pact files (YAML or JSON) against the schema and their expressions
          agenttrust pact test PATH...            runs each pact against its examples file and checks the expected outcomes
          agenttrust pact diff OLD NEW            shows what changed between two pact versions, flagging what loosens it
          agenttrust evidence verify|export ...   checks evidence signatures, hash chains and Merkle proofs offline (see docs/evidence.md)
          agenttrust metrics FILE --format servicenow|rabobank-changes|rabobank-incidents|volvo [--json]
              ITSM metrics (MTTR, reopen rate, change failure rate, escalation quality) from a records file, overall and per week
          agenttrust trust recompute --connection-string CS [--dry-run]
              recomputes every trust score from the verified evidence and replaces stored scores that differ (docs/trust.md)
          agenttrust report --connection-string CS --week 2026-W47 --out DIR [--zip FILE]
              the weekly report (HTML with charts, Markdown, PNG) and a signed compliance evidence package (docs/reports.md)
          agenttrust redteam run --agent A --lane L [--url URL] [--answers FILE] [--key KEY]
              runs the lane's adversarial suite against a registered agent and shows the score against the pact's bar (docs/redteam.md)
          agenttrust bench [--actions 400] [--concurrency 32] [--agents 8] [--url URL]
              governed actions per second through the HTTP API, with intake-to-decision latency percentiles
          agenttrust bench --rate R|--sweep R1,R2,... [--duration 60s] [--agents 40] [--lanes l1,l2] [--drain 120s] [--url URL --task-hub HUB]
                           [--azurite-pid PID] [--out report.json]
              open-loop load: a fixed arrival rate over all ten lanes; throughput, per-stage p50/p95/p99, queue depth, CPU, errors
          agenttrust chaos [--kills 100] [--seed 1] [--rate 0.3] [--life 10-20] [--azurite-restart-every 10] [--json]
              SIGKILLs and restarts the local host (and Azurite) under a stream of actions, approvals and outcomes, then
              checks nothing accepted was lost or applied twice, evidence verifies, trust equals a recomputation and
              the console's action feed shows each action once, as the API does
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "serve":
                return await ServeCommand.RunAsync(rest, stdout).ConfigureAwait(false);
            case "pact" when rest.Length > 0 && rest[0] == "lint":
                return await AgentTrust.Domain.Pacts.Tooling.PactLintCommand.RunAsync(rest[1..], stdout, stderr).ConfigureAwait(false);
            case "pact" when rest.Length > 0 && rest[0] == "test":
                return await AgentTrust.Domain.Pacts.Tooling.PactTestCommand.RunAsync(rest[1..], stdout, stderr).ConfigureAwait(false);
            case "pact" when rest.Length > 0 && rest[0] == "diff":
                return await AgentTrust.Domain.Pacts.Tooling.PactDiffCommand.RunAsync(rest[1..], stdout, stderr).ConfigureAwait(false);
            case "evidence":
                return await AgentTrust.Orchestrations.Evidence.EvidenceCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "metrics":
                return await AgentTrust.Domain.Metrics.Tooling.MetricsCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "trust":
                return await AgentTrust.Orchestrations.Trust.TrustCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "report":
                return await AgentTrust.Orchestrations.Reports.ReportCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "redteam":
                return await RedTeam.RedTeamCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "bench":
                return await BenchCommand.RunAsync(rest, stdout).ConfigureAwait(false);
            case "chaos":
                return await ChaosCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "replay":
                return await ReplayCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            case "demo":
                return await DemoCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false);
            default:
                await stderr.WriteLineAsync($"unknown command '{args[0]}'").ConfigureAwait(false);
                await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }
}
