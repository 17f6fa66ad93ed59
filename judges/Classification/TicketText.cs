namespace AgentTrust.Judges.Classification;

/// <summary>ML.NET input row: the ticket's text and one label.</summary>
internal sealed class TicketText
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
