namespace AgentTrust.Domain.Pacts.Loading;

/// <summary>Where a value starts in the pact text (1-based), and how far its content is from that point.</summary>
/// <param name="ContentOffset">Characters between the node's start and its text (1 for a quoted scalar), or -1 when
/// the text starts on a later line (block scalars), where only the line is exact.</param>
internal readonly record struct SourceLocation(int Line, int Column, int ContentOffset);
