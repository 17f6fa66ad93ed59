namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// The static type of an expression, checked when a pact is published so a typo or a string compared with a number
/// is refused then, not discovered on a live ticket. <see cref="Dyn"/> is for pacts that declare no schema.
/// </summary>
internal sealed record CelType(string Name, CelType? Element = null)
{
    public static readonly CelType Bool = new("bool");
    public static readonly CelType Number = new("number");
    public static readonly CelType String = new("string");
    public static readonly CelType Timestamp = new("timestamp");
    public static readonly CelType Duration = new("duration");
    public static readonly CelType Null = new("null");
    public static readonly CelType Dyn = new("dyn");

    public static CelType ListOf(CelType element) => new("list", element);

    public bool IsList => Name == "list";

    public bool IsDyn => ReferenceEquals(this, Dyn) || Name == "dyn";

    /// <summary>Whether a value of this type may be used where <paramref name="other"/> is expected.</summary>
    public bool Fits(CelType other) =>
        IsDyn || other.IsDyn || (Name == other.Name && (!IsList || Element!.Fits(other.Element!)));

    public override string ToString() => IsList ? $"list of {Element}" : Name;
}
