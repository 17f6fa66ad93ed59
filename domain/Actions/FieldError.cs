namespace AgentTrust.Domain.Actions;

/// <summary>One problem with one input field, named by its JSON path.</summary>
public sealed record FieldError(string Field, string Message);
