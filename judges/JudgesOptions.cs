using AgentTrust.Judges.Llm;

namespace AgentTrust.Judges;

/// <summary>Configuration of the jury's judges (section <c>AgentTrust:Judges</c>).</summary>
public sealed class JudgesOptions
{
    public const string SectionName = "AgentTrust:Judges";

    /// <summary>Where trained local models are cached; default: a folder under the user's temp directory.</summary>
    public string? ModelCachePath { get; set; }

    /// <summary>Local judges on by default: they run offline and in CI.</summary>
    public bool EnableLocalJudges { get; set; } = true;

    /// <summary>LLM judges, each with its own endpoint and model; none by default.</summary>
    public IList<LlmJudgeOptions> Llm { get; } = [];

    public string ResolvedModelCachePath =>
        string.IsNullOrWhiteSpace(ModelCachePath) ? Path.Combine(Path.GetTempPath(), "agenttrust", "judge-models") : ModelCachePath;
}
