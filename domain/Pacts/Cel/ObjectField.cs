namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>A field read from the action's or ticket's JSON object into a slot, matched by its UTF-8 name.</summary>
internal sealed record ObjectField(byte[] Name, string Path, FieldType? Type, int Slot);
