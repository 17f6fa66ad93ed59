namespace AgentTrust.Tests.Pacts;

/// <summary>Finds the shipped pacts folder (repo root /pacts) from the test's output directory.</summary>
internal static class PactFiles
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "pacts", "pact.schema.json");
            if (File.Exists(candidate))
            {
                return System.IO.Path.GetDirectoryName(candidate)!;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("pacts/pact.schema.json not found above " + AppContext.BaseDirectory);
    }
}
