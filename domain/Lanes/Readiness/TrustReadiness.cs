namespace AgentTrust.Domain.Lanes.Readiness;

/// <summary>
/// The lane's trust evidence pooled over its agents: the Beta evidence of every agent added up (the prior counted
/// once), so a lane's lower bound tightens with all the evidence behind it.
/// </summary>
/// <param name="Agents">Agents with trust evidence in the lane.</param>
/// <param name="Events">Signals folded in, both dimensions, undecayed.</param>
/// <param name="EvidenceMass">Decayed evidence mass, both dimensions: recent evidence weighs more.</param>
/// <param name="ConductMean">Pooled conduct score.</param>
/// <param name="ConductLowerBound">Its lower confidence bound.</param>
/// <param name="OutcomeMean">Pooled outcome score.</param>
/// <param name="OutcomeLowerBound">Its lower confidence bound.</param>
/// <param name="WorstTrend">The most negative trend of any agent in either dimension (0 when none declines).</param>
/// <param name="Divergence">Pooled conduct mean minus pooled outcome mean.</param>
/// <param name="Stability">0..1: 1 when no agent declines and conduct and outcome agree.</param>
/// <param name="Readiness">0..1: the geometric mean of both lower bounds, times stability.</param>
public sealed record TrustReadiness(
    int Agents,
    long Events,
    double EvidenceMass,
    double ConductMean,
    double ConductLowerBound,
    double OutcomeMean,
    double OutcomeLowerBound,
    double WorstTrend,
    double Divergence,
    double Stability,
    double Readiness);
