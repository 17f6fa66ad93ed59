using System.Globalization;
using AgentTrust.Domain.Agents;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Trust;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>
/// Registers an agent: stores the profile (the registry decides the version), records the revision as signed evidence,
/// and, for a new version, discounts the trust the previous version earned in each of the agent's lanes. Every step
/// after the store is idempotent and is run again for an unchanged registration, so a retry after a crash half-way
/// finishes the job.
/// </summary>
public sealed class AgentRegistrar(IAgentRegistry registry, IEvidenceStore evidence, ITrustStore trustStore, TrustEngine trust, TimeProvider time)
{
    public async Task<AgentRegistrationResult> RegisterAsync(AgentProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var saved = await registry.SaveAsync(profile, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var registration = saved.Registration;

        // Unchanged: re-record the current revision with the same draft, so the first receipt comes back.
        var (change, previous) = saved.Change == AgentRegistrationChange.Unchanged
            ? await RevisionOfAsync(registration, cancellationToken).ConfigureAwait(false)
            : (saved.Change, saved.Previous);
        var receipt = await evidence.AppendAsync(AgentRegistrationEvidence.Draft(registration, change, previous), cancellationToken).ConfigureAwait(false);

        var discounted = new List<TrustChange>();
        if (registration.Version > 1)
        {
            foreach (var lane in registration.Profile.Lanes)
            {
                if (await DiscountAsync(registration, lane, cancellationToken).ConfigureAwait(false) is { } applied)
                {
                    discounted.Add(applied);
                }
            }
        }

        return new AgentRegistrationResult(registration, saved.Change, receipt.Location, discounted);
    }

    /// <summary>
    /// The version signal: no gain, no loss, carrying the new composed version, so the fold discounts the lane's earlier
    /// evidence once (and the signal is itself a <c>trust-change</c> record, so a recomputation does the same). A lane
    /// with no trust yet (or none earned under a known version) has nothing to discount.
    /// </summary>
    async Task<TrustChange?> DiscountAsync(AgentRegistration registration, string lane, CancellationToken cancellationToken)
    {
        var agentId = registration.Profile.AgentId;
        var state = await trustStore.GetAsync(agentId, lane, cancellationToken).ConfigureAwait(false);
        if (state?.Version is not { } version)
        {
            return null;
        }

        var model = registration.Profile.Model;
        var signal = new TrustSignal(
            string.Create(CultureInfo.InvariantCulture, $"agent-version:v{registration.Version}"),
            agentId,
            lane,
            TrustDimension.Conduct,
            Gain: 0,
            Loss: 0,
            registration.VersionSince,
            string.Create(CultureInfo.InvariantCulture, $"new agent version {registration.Version}: {model.Provider}/{model.Name}, prompt {registration.Profile.PromptVersion}"),
            AgentTrustVersion.Compose(version, registration.Version));
        return await trust.ApplyAsync(signal, AgentRegistrationEvidence.TicketSystem, agentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the current revision changed when it was made, and the registration before it as far as its record shows
    /// (version and fingerprint), to re-record it exactly after a retry.
    /// </summary>
    async Task<(AgentRegistrationChange Change, AgentRegistration? Previous)> RevisionOfAsync(AgentRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Revision == 1)
        {
            return (AgentRegistrationChange.Created, null);
        }

        var start = await registry.GetAsync(registration.Profile.AgentId, registration.Version, cancellationToken).ConfigureAwait(false);
        if (start?.Revision == registration.Revision)
        {
            return (AgentRegistrationChange.NewVersion, await registry.GetAsync(registration.Profile.AgentId, registration.Version - 1, cancellationToken).ConfigureAwait(false));
        }

        return (AgentRegistrationChange.Updated, registration);
    }
}
