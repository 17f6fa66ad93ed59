using AgentTrust.Domain.Evaluation;

namespace AgentTrust.Cli.Replay;

/// <summary>One lane's backtest (<see cref="ReplayBacktest"/>): the pact's static routing of the agent's validation-period actions, against the other arms.</summary>
/// <param name="TrainedOn">Records the agent was fitted on (the first four fifths of the training period).</param>
/// <param name="Validated">Validation-period actions routed (the last fifth).</param>
public sealed record LaneBacktest(string Lane, string Pact, int TrainedOn, int Validated, LaneComparison Comparison);
