using Microsoft.Extensions.AI;

namespace AgentTrust.Tests.Judging;

/// <summary>A fake chat model that plays a script: each call takes the next step (an answer, an exception or a hang).</summary>
internal sealed class ScriptedChatClient(params Func<CancellationToken, Task<string>>[] script) : IChatClient
{
    int next;

    public int Calls => next;

    public List<ChatOptions?> Options { get; } = [];

    public static Func<CancellationToken, Task<string>> Answer(string text) => _ => Task.FromResult(text);

    public static Func<CancellationToken, Task<string>> Throw(Exception ex) => _ => Task.FromException<string>(ex);

    public static Func<CancellationToken, Task<string>> Hang() => async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return string.Empty;
    };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Options.Add(options);
        var step = script[Math.Min(next, script.Length - 1)];
        next++;
        var text = await step(cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("judges never stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
