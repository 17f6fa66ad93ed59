using AgentTrust.Judges;
using AgentTrust.Judges.Local;
using Microsoft.Extensions.Options;

namespace AgentTrust.Tests.Judging;

/// <summary>The local judges' real models, trained once for the test run into a fresh cache folder.</summary>
public sealed class LocalModelsFixture : IDisposable
{
    public LocalModelsFixture()
    {
        CachePath = Path.Combine(Path.GetTempPath(), "agenttrust-tests", "judge-models-" + Guid.NewGuid().ToString("N"));
        Models = Create(CachePath);
        Models.WarmUp();
    }

    public string CachePath { get; }

    public LocalJudgeModels Models { get; }

    public static LocalJudgeModels Create(string cachePath) =>
        new(Options.Create(new JudgesOptions { ModelCachePath = cachePath }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(CachePath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
