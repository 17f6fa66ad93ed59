using System.Text.Json;

namespace AgentTrust.Cli.LocalHost;

/// <summary>
/// Reads the <c>Values</c> of a Functions <c>local.settings.json</c>, so the local host and <c>func start</c> take
/// their settings from the same file. <c>__</c> in a name means a section, as in environment variables.
/// </summary>
public static class LocalSettingsFile
{
    public static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return values.EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
            .ToList();
    }
}
