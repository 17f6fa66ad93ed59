using System.Globalization;
using System.Text.Json;

namespace AgentTrust.Judges.Data;

/// <summary>Reads a field of an action or ticket snapshot as text, whatever JSON type the agent used for it.</summary>
internal static class ActionFields
{
    public static string? Text(JsonElement? fields, params string[] names)
    {
        if (fields is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var value))
            {
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString(CultureInfo.InvariantCulture),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>The leading number of an ITSM code such as <c>3 - Moderate</c>, or the number itself.</summary>
    public static int? Level(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var digits = new string([.. code.TrimStart().TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
    }
}
