namespace AgentTrust.Domain.Pacts;

/// <summary>The type of one field an action (or ticket snapshot) may carry, as declared in a pact's schema.</summary>
public enum FieldType
{
    String,
    Number,

    /// <summary>A whole number, e.g. a priority 1-5 or a count of affected configuration items.</summary>
    Integer,
    Boolean,

    /// <summary>An RFC 3339 date and time, e.g. <c>2026-11-26T22:00:00Z</c>.</summary>
    Timestamp,
    StringList,
    NumberList,
}
