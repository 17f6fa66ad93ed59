namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// What starting a governed action did: started it, found the one the same idempotency key started before
/// (<see cref="Replayed"/>), or refused because that key was used for a different action (<see cref="KeyReused"/>).
/// </summary>
public sealed record GovernedActionStart(string Id, bool Replayed, bool KeyReused);
