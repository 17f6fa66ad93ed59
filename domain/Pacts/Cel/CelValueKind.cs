namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>The kinds of value a pact expression computes with.</summary>
internal enum CelValueKind : byte
{
    /// <summary>A field the input does not carry: <c>has()</c> is false, any other use is an error.</summary>
    Missing,
    Null,
    Bool,
    Number,
    String,
    List,
    Timestamp,
    Duration,

    /// <summary>The expression cannot be evaluated on this input; <see cref="CelValue.Text"/> says why.</summary>
    Error,
}
