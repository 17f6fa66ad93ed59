using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// One value during evaluation, kept in a struct so numbers, booleans and times never box. Numbers are one kind
/// (double): pact authors compare <c>3</c> with <c>3.0</c> and expect equality. Timestamps and durations are
/// Unix milliseconds, exact in a double for any realistic date.
/// </summary>
internal readonly struct CelValue
{
    public readonly CelValueKind Kind;
    public readonly double Number;
    public readonly object? Ref;

    CelValue(CelValueKind kind, double number, object? reference)
    {
        Kind = kind;
        Number = number;
        Ref = reference;
    }

    public static readonly CelValue True = new(CelValueKind.Bool, 1, null);
    public static readonly CelValue False = new(CelValueKind.Bool, 0, null);
    public static readonly CelValue Null = new(CelValueKind.Null, 0, null);
    public static readonly CelValue Missing = new(CelValueKind.Missing, 0, null);

    public static CelValue Bool(bool value) => value ? True : False;

    public static CelValue Num(double value) => new(CelValueKind.Number, value, null);

    public static CelValue Str(string value) => new(CelValueKind.String, 0, value);

    public static CelValue List(CelValue[] items) => new(CelValueKind.List, 0, items);

    public static CelValue Timestamp(double unixMilliseconds) => new(CelValueKind.Timestamp, unixMilliseconds, null);

    public static CelValue Duration(double milliseconds) => new(CelValueKind.Duration, milliseconds, null);

    public static CelValue Error(string message) => new(CelValueKind.Error, 0, message);

    /// <summary>Whether Unix milliseconds fall in years 1 to 9999, the range .NET dates represent.</summary>
    public static bool InTimeRange(double unixMilliseconds) => unixMilliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999;

    public bool IsTrue => Kind == CelValueKind.Bool && Number != 0;

    public bool IsError => Kind == CelValueKind.Error;

    public string Text => Ref as string ?? string.Empty;

    public CelValue[] Items => Ref as CelValue[] ?? [];

    /// <summary>The value as evidence shows it: invariant culture, so a reader in any locale sees the same text.</summary>
    public string Format()
    {
        switch (Kind)
        {
            case CelValueKind.Missing: return "<missing>";
            case CelValueKind.Null: return "null";
            case CelValueKind.Bool: return IsTrue ? "true" : "false";
            case CelValueKind.Number: return Number.ToString("R", CultureInfo.InvariantCulture);
            case CelValueKind.String: return "\"" + Text + "\"";
            case CelValueKind.Timestamp when !InTimeRange(Number): return "<timestamp out of range>";
            case CelValueKind.Timestamp:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Number).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            case CelValueKind.Duration: return (Number / 1000).ToString("R", CultureInfo.InvariantCulture) + "s";
            case CelValueKind.Error: return "<error: " + Text + ">";
            case CelValueKind.List:
                var sb = new StringBuilder("[");
                var items = Items;
                for (var i = 0; i < items.Length && i < 20; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ", ").Append(items[i].Format());
                }

                return sb.Append(items.Length > 20 ? ", ...]" : "]").ToString();
            default: return Kind.ToString();
        }
    }
}
