using System.Collections.Concurrent;

namespace AgentTrust.Judges.Llm;

/// <summary>
/// LLM answers by prompt hash. With temperature 0 this is what makes an LLM judge stable: the same prompt is asked
/// once, and the same input twice gets the same verdict. Only well-formed answers are kept; bounded so it cannot grow
/// without limit.
/// </summary>
public sealed class JudgeResponseCache
{
    public const int Capacity = 10_000;

    readonly ConcurrentDictionary<string, string> answers = new(StringComparer.Ordinal);

    public int Count => answers.Count;

    public bool TryGet(string promptHash, out string answer) => answers.TryGetValue(promptHash, out answer!);

    public void Add(string promptHash, string answer)
    {
        if (answers.Count >= Capacity)
        {
            answers.Clear();
        }

        answers[promptHash] = answer;
    }
}
