namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>Expands command-line arguments into files: a directory stands for the matching files in it.</summary>
internal static class PactFileSet
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, params string[] patterns)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(patterns.SelectMany(p => Directory.EnumerateFiles(argument, p)).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(argument);
            }
        }

        return files;
    }
}
