using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AgentTrust.Domain.Judging;
using Microsoft.Extensions.AI;

namespace AgentTrust.Judges.Llm;

/// <summary>
/// A judge that asks a chat model, through <see cref="IChatClient"/>: one structured-output prompt per judged clause,
/// temperature 0, a timeout, retries on transient errors, and answers cached by prompt hash. Anything it cannot
/// use (a timeout, an error, an answer that is not the JSON asked for, or that contradicts itself) is an abstention
/// with the reason recorded, never an exception and never a pass.
/// </summary>
public sealed class LlmJudge(IChatClient client, LlmJudgeOptions options, JudgeResponseCache cache) : IJudge
{
    public string Id => options.Id;

    public string Version => $"{LlmJudgePrompt.Version}/{options.Model}";

    public async ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = LlmJudgePrompt.User(request);
        var promptHash = LlmJudgePrompt.Hash(options.Model, user);

        if (cache.TryGet(promptHash, out var cached))
        {
            return Parse(request.ClauseId, cached, promptHash, fromCache: true) ?? Abstain(request, promptHash, "cached answer unreadable");
        }

        string answer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        try
        {
            answer = await AskWithRetriesAsync(user, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Abstain(request, promptHash, $"timed out after {options.TimeoutSeconds}s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the endpoint did, the judge has no verdict: it abstains and says why (never the key or the prompt).
            return Abstain(request, promptHash, $"error: {ex.GetType().Name}");
        }

        var verdict = Parse(request.ClauseId, answer, promptHash, fromCache: false);
        if (verdict is null)
        {
            return Abstain(request, promptHash, "answer is not the JSON verdict asked for");
        }

        cache.Add(promptHash, answer);
        return verdict;
    }

    async Task<string> AskWithRetriesAsync(string user, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            ModelId = options.Model,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(LlmJudgePrompt.Schema, "judge_verdict", "One judge's verdict on one pact clause"),
        };
        ChatMessage[] messages = [new(ChatRole.System, LlmJudgePrompt.Instructions), new(ChatRole.User, user)];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
                return response.Text;
            }
            catch (Exception ex) when (attempt < options.MaxRetries && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.RetryDelayMilliseconds * (1 << attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static bool IsTransient(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } code } => code == HttpStatusCode.TooManyRequests || (int)code >= 500,
        ClientResultException { Status: 0 or 408 or 429 or >= 500 } => true,
        TimeoutException or IOException => true,
        _ => false,
    };

    JudgeVerdict? Parse(string clauseId, string answer, string promptHash, bool fromCache)
    {
        try
        {
            using var document = JsonDocument.Parse(Unfenced(answer));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("verdict", out var verdictElement) || verdictElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("score", out var scoreElement) || !scoreElement.TryGetDouble(out var score)
                || !double.IsFinite(score) || score is < 0 or > 1)
            {
                return null;
            }

            var rationale = root.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? string.Empty : string.Empty;
            rationale = (fromCache ? "[cached] " : string.Empty) + (rationale.Length > 600 ? rationale[..600] : rationale);
            var verdict = verdictElement.GetString() switch
            {
                "pass" => Verdict.Pass,
                "fail" => Verdict.Fail,
                "abstain" => Verdict.Abstain,
                _ => (Verdict?)null,
            };
            // A pass with a failing score (or the reverse) is a judge contradicting itself: not a vote.
            if (verdict is null || (verdict == Verdict.Pass && score < 0.5) || (verdict == Verdict.Fail && score >= 0.5))
            {
                return null;
            }

            return new JudgeVerdict(Id, Version, clauseId, verdict.Value, verdict == Verdict.Abstain ? 0.5 : score, rationale, options.Model, promptHash);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Some compatible endpoints wrap JSON in a Markdown fence even when asked not to.</summary>
    static string Unfenced(string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var start = text.IndexOf('\n', StringComparison.Ordinal);
            var end = text.LastIndexOf("```", StringComparison.Ordinal);
            if (start > 0 && end > start)
            {
                return text[(start + 1)..end];
            }
        }

        return text;
    }

    JudgeVerdict Abstain(JudgeRequest request, string promptHash, string failure) =>
        JudgeVerdict.Abstain(Id, Version, request.ClauseId, "the model gave no usable verdict", failure) with { ModelId = options.Model, PromptHash = promptHash, Rationale = string.Create(CultureInfo.InvariantCulture, $"no usable verdict: {failure}") };
}
