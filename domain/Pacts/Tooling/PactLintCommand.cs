namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>
/// <c>agenttrust pact lint FILE|DIR...</c>: loads each pact (schema and every expression) and prints each problem as
/// <c>file:line:column: field: message</c>, the form CI annotators and editors understand. Exit code 0 when every
/// pact is valid, 1 when any is not, 2 on bad usage.
/// </summary>
public static class PactLintCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args.Contains("--help"))
        {
            stderr.WriteLine("usage: agenttrust pact lint <pact file or directory>...");
            return Task.FromResult(2);
        }

        var files = PactFileSet.Expand(args, "*.pact.yaml", "*.pact.yml", "*.pact.json");
        if (files.Count == 0)
        {
            stderr.WriteLine("no pact files found (*.pact.yaml, *.pact.yml, *.pact.json)");
            return Task.FromResult(2);
        }

        var failed = 0;
        foreach (var file in files)
        {
            var result = PactLoader.LoadFile(file);
            if (result.Succeeded)
            {
                stdout.WriteLine($"ok   {file}  {result.Pact!.AgentId}/{result.Pact.Lane} v{result.Pact.Version}  {PactHash.Compute(result.Pact)}");
                continue;
            }

            failed++;
            foreach (var error in result.Errors)
            {
                stderr.WriteLine(error.ToString());
            }
        }

        stdout.WriteLine($"{files.Count - failed} of {files.Count} pact(s) valid");
        return Task.FromResult(failed == 0 ? 0 : 1);
    }
}
