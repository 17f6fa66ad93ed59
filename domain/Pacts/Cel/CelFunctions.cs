using System.Globalization;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// The functions pact expressions may call. Times are UTC: <c>t.getHours()</c> is the UTC hour, so a change window
/// means the same on every server. Text functions are ordinal, never culture-sensitive.
/// </summary>
internal static class CelFunctions
{
    static readonly Func<CelValue, CelValue, CelValue> NoTwo = static (a, _) => CelValue.Error("wrong number of arguments");
    static readonly Func<CelValue, CelValue> NoOne = static _ => CelValue.Error("wrong number of arguments");

    public static CelFunction? Find(string name, bool receiver, CelType[] args, out string error)
    {
        error = string.Empty;
        switch (name, args.Length)
        {
            case ("size", 1):
                if (!(args[0].IsDyn || args[0].IsList || args[0] == CelType.String))
                {
                    error = $"size() needs a string or a list, not {args[0]}";
                    return null;
                }

                return new(CelType.Number, Size, NoTwo);
            case ("startsWith" or "endsWith" or "contains", 2) when receiver:
                if (!Fits(args, CelType.String, CelType.String))
                {
                    error = $"{name}() works on a string with a string argument (found {args[0]} and {args[1]})";
                    return null;
                }

                var comparison = name;
                return new(CelType.Bool, NoOne, (a, b) => Text(comparison, a, b));
            case ("matches", 2):
                if (!Fits(args, CelType.String, CelType.String))
                {
                    error = "matches() needs a string and a pattern";
                    return null;
                }

                return new(CelType.Bool, NoOne, NoTwo);
            case ("lowerAscii" or "upperAscii", 1) when receiver:
                if (!args[0].Fits(CelType.String))
                {
                    error = $"{name}() works on a string, not {args[0]}";
                    return null;
                }

                var upper = name == "upperAscii";
                return new(CelType.String, v => v.Kind == CelValueKind.String ? CelValue.Str(upper ? v.Text.ToUpperInvariant() : v.Text.ToLowerInvariant()) : CelCompiler.Mismatch(v, $"{name}() needs a string"), NoTwo);
            case ("timestamp", 1) when !receiver:
                if (!args[0].Fits(CelType.String) && !args[0].Fits(CelType.Timestamp))
                {
                    error = $"timestamp() takes an RFC 3339 string, not {args[0]}";
                    return null;
                }

                return new(CelType.Timestamp, ParseTimestamp, NoTwo);
            case ("duration", 1) when !receiver:
                if (!args[0].Fits(CelType.String))
                {
                    error = $"duration() takes a string such as \"2h\" or \"90m\", not {args[0]}";
                    return null;
                }

                return new(CelType.Duration, ParseDuration, NoTwo);
            case ("int" or "double", 1) when !receiver:
                var whole = name == "int";
                return new(CelType.Number, v => ToNumber(v, whole), NoTwo);
            case ("string", 1) when !receiver:
                return new(CelType.String, v => v.IsError ? v : v.Kind == CelValueKind.String ? v : CelValue.Str(v.Format().Trim('"')), NoTwo);
            case ("getHours" or "getMinutes" or "getDayOfWeek" or "getFullYear" or "getMonth" or "getDate" or "getDayOfMonth", 1) when receiver:
                if (!args[0].Fits(CelType.Timestamp))
                {
                    error = $"{name}() works on a timestamp, not {args[0]}";
                    return null;
                }

                var part = name;
                return new(CelType.Number, v => TimePart(part, v), NoTwo);
            default:
                error = receiver ? $"unknown method '{name}' with {args.Length - 1} argument(s)" : $"unknown function '{name}' with {args.Length} argument(s)";
                return null;
        }
    }

    static bool Fits(CelType[] args, CelType first, CelType second) => args[0].Fits(first) && args[1].Fits(second);

    static CelValue Size(CelValue v) => v.Kind switch
    {
        CelValueKind.String => CelValue.Num(v.Text.Length),
        CelValueKind.List => CelValue.Num(v.Items.Length),
        _ => CelCompiler.Mismatch(v, "size() needs a string or a list"),
    };

    static CelValue Text(string function, CelValue a, CelValue b)
    {
        if (a.Kind != CelValueKind.String)
        {
            return CelCompiler.Mismatch(a, $"{function}() needs a string");
        }

        if (b.Kind != CelValueKind.String)
        {
            return CelCompiler.Mismatch(b, $"{function}() needs a string argument");
        }

        return CelValue.Bool(function switch
        {
            "startsWith" => a.Text.StartsWith(b.Text, StringComparison.Ordinal),
            "endsWith" => a.Text.EndsWith(b.Text, StringComparison.Ordinal),
            _ => a.Text.Contains(b.Text, StringComparison.Ordinal),
        });
    }

    static CelValue ParseTimestamp(CelValue v)
    {
        if (v.Kind == CelValueKind.Timestamp || v.IsError)
        {
            return v;
        }

        if (v.Kind == CelValueKind.String && v.Text.Length >= 10
            && DateTimeOffset.TryParse(v.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return CelValue.Timestamp(time.ToUnixTimeMilliseconds());
        }

        return CelValue.Error($"'{v.Text}' is not an RFC 3339 timestamp such as 2026-11-26T22:00:00Z");
    }

    /// <summary>CEL durations: a sequence of decimal numbers with units h, m, s, ms (e.g. "1h30m", "1.5h", "-90s").</summary>
    public static CelValue ParseDuration(CelValue v)
    {
        if (v.IsError)
        {
            return v;
        }

        var text = v.Text;
        var i = 0;
        var sign = 1.0;
        if (text.StartsWith('-'))
        {
            sign = -1;
            i++;
        }

        double total = 0;
        var parts = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return CelValue.Error($"'{text}' is not a duration such as \"2h\", \"90m\" or \"30s\"");
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            double? unit = text[unitStart..i] switch
            {
                "h" => 3_600_000,
                "m" => 60_000,
                "s" => 1_000,
                "ms" => 1,
                _ => null,
            };
            if (unit is null)
            {
                return CelValue.Error($"'{text}' is not a duration such as \"2h\", \"90m\" or \"30s\"");
            }

            total += amount * unit.Value;
            parts++;
        }

        return parts == 0 ? CelValue.Error($"'{text}' is not a duration such as \"2h\", \"90m\" or \"30s\"") : CelValue.Duration(sign * total);
    }

    static CelValue ToNumber(CelValue v, bool whole)
    {
        double number;
        switch (v.Kind)
        {
            case CelValueKind.Number:
            case CelValueKind.Timestamp:
                number = v.Number;
                break;
            case CelValueKind.Duration:
                number = v.Number / 1000;
                break;
            case CelValueKind.String when double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                // Invariant, always: "0.8" is eight tenths under de-DE and fr-FR too.
                number = parsed;
                break;
            default:
                return CelCompiler.Mismatch(v, $"cannot convert {CelOperations.Name(v)} to a number");
        }

        return CelValue.Num(whole ? Math.Truncate(number) : number);
    }

    static CelValue TimePart(string part, CelValue v)
    {
        if (v.Kind != CelValueKind.Timestamp)
        {
            return CelCompiler.Mismatch(v, $"{part}() needs a timestamp");
        }

        if (!CelValue.InTimeRange(v.Number))
        {
            return CelValue.Error("the timestamp is outside years 1 to 9999");
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)v.Number).UtcDateTime;
        return CelValue.Num(part switch
        {
            "getHours" => time.Hour,
            "getMinutes" => time.Minute,
            "getDayOfWeek" => (int)time.DayOfWeek,
            "getFullYear" => time.Year,
            "getMonth" => time.Month - 1,
            "getDate" => time.Day,
            _ => time.Day - 1,
        });
    }
}
