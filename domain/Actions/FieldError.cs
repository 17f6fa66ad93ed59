namespace AgentTrust.Domain.Actions;

/// <summary>One problem with one input field, named by its JSON path; for text inputs (pacts), also where it is.</summary>
public sealed record FieldError(string Field, string Message, int? Line = null, int? Column = null);
