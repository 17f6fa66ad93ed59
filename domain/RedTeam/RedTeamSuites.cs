namespace AgentTrust.Domain.RedTeam;

/// <summary>The shipped suites (<c>redteam/{lane}.redteam.yaml</c>), embedded in this assembly: nothing is read from disk or the network at run time.</summary>
public static class RedTeamSuites
{
    /// <summary>The suite of a lane, or null when none is shipped for it.</summary>
    public static RedTeamSuite? For(string lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        var name = $"{lane}.redteam.yaml";
        using var stream = typeof(RedTeamSuites).Assembly.GetManifestResourceStream("AgentTrust.RedTeam." + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return RedTeamSuiteReader.Read(reader.ReadToEnd(), "redteam/" + name);
    }
}
