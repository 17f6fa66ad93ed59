using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTrust.Domain.Hashing;

/// <summary>The one JSON shape of AgentTrust: camelCase members, enums as camelCase strings, nulls left out.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
