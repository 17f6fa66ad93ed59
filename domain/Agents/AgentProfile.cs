namespace AgentTrust.Domain.Agents;

/// <summary>
/// What an agent's builder states when registering it. The model, prompt and tool versions are its behaviour: a
/// change to any of them is a new agent version (see <see cref="AgentVersioning"/>); the rest is bookkeeping.
/// </summary>
/// <param name="AgentId">The id the agent proposes actions under (and its pacts name).</param>
/// <param name="Owner">Who answers for the agent (a person or team address).</param>
/// <param name="Lanes">The lanes the agent works in.</param>
/// <param name="Model">The model and its provider.</param>
/// <param name="PromptVersion">The version of the agent's prompt (a tag, date or hash).</param>
/// <param name="ToolVersions">Each tool the agent calls, by name, with its version.</param>
/// <param name="Contact">Where notices about the agent go.</param>
/// <param name="Endpoint">The agent's HTTP endpoint for red-team runs (ticket in, proposed action out); never holds credentials.</param>
/// <param name="Description">What the agent does, for reviewers.</param>
public sealed record AgentProfile(
    string AgentId,
    string Owner,
    IReadOnlyList<string> Lanes,
    AgentModel Model,
    string PromptVersion,
    IReadOnlyDictionary<string, string> ToolVersions,
    AgentContact Contact,
    Uri? Endpoint = null,
    string? Description = null);
