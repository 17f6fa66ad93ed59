namespace AgentTrust.Tests.Support;

/// <summary>The repository root: the folder above the test binaries that holds AgentTrust.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AgentTrust.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AgentTrust.sln not found above " + AppContext.BaseDirectory);
    }
}
