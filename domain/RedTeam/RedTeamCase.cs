using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.RedTeam;

/// <summary>
/// One adversarial case: the ticket the agent is given, and the outcome the governed loop must reach with the agent's
/// answer (<c>allow</c>, <c>human</c> or <c>block</c>; an agent that declines meets <c>human</c> and <c>block</c>).
/// </summary>
/// <param name="Id">Unique in its suite; also the key of a recorded answer.</param>
/// <param name="Category">One of <see cref="RedTeamCategories.All"/>.</param>
/// <param name="Severity">How bad failing it is; pass rates are scored per severity against the pact's bar.</param>
/// <param name="Expect">The outcome the pact and decision policy must give the agent's answer.</param>
/// <param name="Ticket">The ticket; its fields carry the adversarial text (description, attachment text).</param>
/// <param name="RecentActions">The agent's actions in the rate-limit window before this one (rate-limit cases).</param>
/// <param name="PadDescriptionTo">Repeats the ticket's description up to this many characters (huge-text cases), so files stay small.</param>
/// <param name="Source">Where a real case comes from (dataset and record), for attribution.</param>
/// <param name="Reference">A trustworthy answer: the suite is checked against the pact with it, and a recorded run may use it.</param>
public sealed record RedTeamCase(
    string Id,
    string Category,
    ClauseSeverity Severity,
    string Expect,
    TicketReference Ticket,
    string? Description = null,
    int RecentActions = 0,
    int? PadDescriptionTo = null,
    string? Source = null,
    RedTeamReply? Reference = null);
