namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>A compiled pact expression: a pure function of the scope's bound slots.</summary>
internal delegate CelValue CelProgram(EvaluationScope scope);
