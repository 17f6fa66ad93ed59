namespace AgentTrust.Domain.Pacts.Cel;

// The syntax tree of one pact expression. Each node keeps its 0-based offset in the expression, so a
// compile error points at the column where the author wrote the problem.

/// <summary>A node of a parsed pact expression.</summary>
internal abstract record CelNode(int Position);

internal sealed record CelLiteral(int Position, CelValue Value, CelType Type) : CelNode(Position);

internal sealed record CelIdent(int Position, string Name) : CelNode(Position);

internal sealed record CelSelect(int Position, CelNode Operand, string Field) : CelNode(Position);

internal sealed record CelCall(int Position, CelNode? Target, string Function, IReadOnlyList<CelNode> Args) : CelNode(Position);

internal sealed record CelListLiteral(int Position, IReadOnlyList<CelNode> Items) : CelNode(Position);

internal sealed record CelUnary(int Position, string Operator, CelNode Operand) : CelNode(Position);

internal sealed record CelBinary(int Position, string Operator, CelNode Left, CelNode Right) : CelNode(Position);

internal sealed record CelConditional(int Position, CelNode Condition, CelNode WhenTrue, CelNode WhenFalse) : CelNode(Position);

internal sealed record CelIndex(int Position, CelNode Operand, CelNode Index) : CelNode(Position);
