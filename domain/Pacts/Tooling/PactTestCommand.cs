namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>
/// <c>agenttrust pact test EXAMPLES|DIR...</c>: runs each examples file's actions through its pact and the decision
/// policy and compares the outcome (allow, human, block, shadow) and any expected clause results. Exit code 0 when
/// every example behaves as expected, 1 on any mismatch or invalid pact, 2 on bad usage or an unreadable file.
/// </summary>
public static class PactTestCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args.Contains("--help"))
        {
            stderr.WriteLine("usage: agenttrust pact test <examples file or directory>...");
            return Task.FromResult(2);
        }

        var files = PactFileSet.Expand(args, "*.examples.yaml", "*.examples.yml", "*.examples.json");
        if (files.Count == 0)
        {
            stderr.WriteLine("no examples files found (*.examples.yaml, *.examples.yml, *.examples.json)");
            return Task.FromResult(2);
        }

        int total = 0, failed = 0;
        foreach (var path in files)
        {
            PactExampleFile examples;
            try
            {
                examples = PactExampleRunner.ReadFile(path);
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                stderr.WriteLine(ex.Message);
                return Task.FromResult(2);
            }

            var pactPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, examples.Pact);
            var loaded = PactLoader.LoadFile(pactPath);
            if (!loaded.Succeeded)
            {
                foreach (var error in loaded.Errors)
                {
                    stderr.WriteLine(error.ToString());
                }

                failed += examples.Examples.Count;
                total += examples.Examples.Count;
                continue;
            }

            var compiled = CelPactCompiler.CompileUncached(loaded.Pact!);
            stdout.WriteLine($"{path}: {examples.Pact} ({compiled.Hash})");
            foreach (var result in PactExampleRunner.Run(compiled, examples))
            {
                total++;
                if (result.Passed)
                {
                    stdout.WriteLine($"  ok    {result.Outcome,-6} {result.Example.Name}");
                    continue;
                }

                failed++;
                stdout.WriteLine($"  FAIL  {result.Outcome,-6} {result.Example.Name}");
                foreach (var mismatch in result.Mismatches)
                {
                    stdout.WriteLine($"        {mismatch}");
                }
            }
        }

        stdout.WriteLine($"{total - failed} of {total} example(s) behave as expected");
        return Task.FromResult(failed == 0 ? 0 : 1);
    }
}
