namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>A built-in function with one or two arguments (a receiver counts as the first).</summary>
internal sealed record CelFunction(CelType Result, Func<CelValue, CelValue> Invoke1, Func<CelValue, CelValue, CelValue> Invoke2);
