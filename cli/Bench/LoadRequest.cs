namespace AgentTrust.Cli.Bench;

/// <summary>One request of a load run: its place in the schedule, who sends it, in which lane, on which ticket, and its JSON body.</summary>
public sealed record LoadRequest(int Index, string AgentId, string Lane, string TicketId, string Body);
