using System.Text;
using System.Text.Json;

namespace AgentTrust.Tests.Ticketing;

/// <summary>Realistic ServiceNow and Jira payloads (their real field names) under Ticketing/Fixtures.</summary>
internal static class Fixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ticketing", "Fixtures", name));

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(Bytes(name));
        return document.RootElement.Clone();
    }

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}
