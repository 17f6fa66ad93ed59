namespace AgentTrust.Judges.Llm;

/// <summary>One LLM judge: its id, and the OpenAI-compatible endpoint and model it asks (Azure OpenAI's v1 endpoint included).</summary>
public sealed class LlmJudgeOptions
{
    public string Id { get; set; } = string.Empty;

    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = string.Empty;

    /// <summary>The name of the environment variable that holds the key: the key itself never sits in configuration files.</summary>
    public string? ApiKeyEnvironmentVariable { get; set; }

    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Retries after the first attempt, on transient errors only (throttling, 5xx, network).</summary>
    public int MaxRetries { get; set; } = 2;

    public int RetryDelayMilliseconds { get; set; } = 250;
}
