using AgentTrust.Domain.Pacts.Tooling;

namespace AgentTrust.Tests.Pacts;

public sealed class PactToolingTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("pact-tooling-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string Copy(string name, Func<string, string>? edit = null, string? asName = null)
    {
        var text = File.ReadAllText(PactFiles.PathOf(name));
        var path = Path.Combine(dir, asName ?? name);
        File.WriteAllText(path, edit is null ? text : edit(text));
        return path;
    }

    [Fact]
    public async Task PactTest_ExampleExpectsTheWrongOutcome_ExitsOneAndSaysWhy()
    {
        Copy("incident-classification.pact.yaml");
        var examples = Copy("incident-classification.examples.yaml", t => t.Replace("  - name: the agent declares P1 on its own\n    expect: block", "  - name: the agent declares P1 on its own\n    expect: allow", StringComparison.Ordinal));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactTestCommand.RunAsync([examples], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  block  the agent declares P1 on its own", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("expected allow, got block: clause 'never-sets-p1' (critical) violated", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactTest_ExpectedClauseOutcomeDiffers_ExitsOne()
    {
        Copy("workflow-governance.pact.yaml");
        var examples = Copy("workflow-governance.examples.yaml", t => t.Replace("clauses: { blast-radius-cap: violated }", "clauses: { blast-radius-cap: passed }", StringComparison.Ordinal));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactTestCommand.RunAsync([examples], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("clause 'blast-radius-cap': expected passed, got violated", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactLint_BrokenPact_ExitsOneWithFileLineColumn()
    {
        var path = Copy("anomaly-triage.pact.yaml", t => t.Replace("condition: action.signal_count >= 3", "condition: action.signal_cnt >= 3", StringComparison.Ordinal));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactLintCommand.RunAsync([path], stdout, stderr);

        Assert.Equal(1, exit);
        var line = File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("signal_cnt", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"{path}:{line}:16: clauses[4].condition: 'action.signal_cnt' is not in the pact's actionSchema", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactDiff_LooserNewVersion_ListsChangesAndMarksLoosening()
    {
        var old = Copy("anomaly-triage.pact.yaml");
        var @new = Copy("anomaly-triage.pact.yaml", t => t
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("condition: action.suppress_minutes > 0 && action.suppress_minutes <= 240\n    severity: major", "condition: action.suppress_minutes > 0 && action.suppress_minutes <= 480\n    severity: minor", StringComparison.Ordinal)
            .Replace("allowedActions: [open-incident, annotate, suppress]", "allowedActions: [open-incident, annotate, suppress, close-incident]", StringComparison.Ordinal), "new.pact.yaml");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactDiffCommand.RunAsync([old, @new], stdout, stderr);

        var text = stdout.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("~ version: 1 -> 2", text, StringComparison.Ordinal);
        Assert.Contains("+ allowedActions: close-incident (loosens)", text, StringComparison.Ordinal);
        Assert.Contains("~ clause suppression-is-bounded severity: major -> minor (loosens)", text, StringComparison.Ordinal);
        Assert.Contains("~ clause suppression-is-bounded condition: action.suppress_minutes > 0 && action.suppress_minutes <= 240 -> action.suppress_minutes > 0 && action.suppress_minutes <= 480", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactDiff_SamePact_ExitsZero()
    {
        var path = Copy("anomaly-triage.pact.yaml");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactDiffCommand.RunAsync([path, PactFiles.PathOf("anomaly-triage.pact.yaml")], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("no changes", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_NoArguments_ExitTwoWithUsage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, await PactLintCommand.RunAsync([], stdout, stderr));
        Assert.Equal(2, await PactTestCommand.RunAsync([], stdout, stderr));
        Assert.Equal(2, await PactDiffCommand.RunAsync([], stdout, stderr));
        Assert.Contains("usage: agenttrust pact diff", stderr.ToString(), StringComparison.Ordinal);
    }
}
