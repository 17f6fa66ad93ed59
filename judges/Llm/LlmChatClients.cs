using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentTrust.Judges.Llm;

/// <summary>Builds the chat client of an LLM judge from its options: any OpenAI-compatible endpoint, the key read from the environment.</summary>
public static class LlmChatClients
{
    public static IChatClient Create(LlmJudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException($"LLM judge '{options.Id}' has no model configured");
        }

        var key = options.ApiKeyEnvironmentVariable is { Length: > 0 } name ? Environment.GetEnvironmentVariable(name) : null;
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"LLM judge '{options.Id}': environment variable '{options.ApiKeyEnvironmentVariable}' holds no API key");
        }

        var clientOptions = new OpenAIClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
