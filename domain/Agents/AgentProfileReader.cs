using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrust.Domain.Actions;

namespace AgentTrust.Domain.Agents;

/// <summary>
/// Reads and validates a registration body. Every problem is reported with the field it is in (JSON path style,
/// e.g. <c>lanes[1]</c>, <c>model.provider</c>), all at once; a profile is returned only when there are none.
/// </summary>
public static partial class AgentProfileReader
{
    public const int MaxLanes = 10;
    public const int MaxTools = 50;

    static readonly string[] Fields = ["id", "owner", "lanes", "model", "promptVersion", "toolVersions", "contact", "endpoint", "description"];

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex VersionPattern();

    public static (AgentProfile? Profile, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> body)
    {
        var errors = new List<FieldError>();
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new FieldError("$", "the body must be a JSON object")]);
            }

            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
            {
                errors.Add(new FieldError(property.Name, "is not a known field (known: " + string.Join(", ", Fields) + ")"));
            }

            var id = Text(root, "id", "id", 128, required: true, errors);
            if (id is not null && !ProposedActionValidator.IdentifierPattern().IsMatch(id))
            {
                errors.Add(new FieldError("id", "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit"));
                id = null;
            }

            var owner = Text(root, "owner", "owner", 256, required: true, errors);
            var lanes = ReadLanes(root, errors);
            var model = ReadModel(root, errors);
            var prompt = Text(root, "promptVersion", "promptVersion", 64, required: true, errors);
            if (prompt is not null && !VersionPattern().IsMatch(prompt))
            {
                errors.Add(new FieldError("promptVersion", "must be a version tag: 1-64 letters, digits, '.', '_', ':', '+' or '-'"));
            }

            var tools = ReadTools(root, errors);
            var contact = ReadContact(root, errors);
            var endpoint = ReadEndpoint(root, errors);
            var description = Text(root, "description", "description", 1000, required: false, errors);
            return errors.Count > 0
                ? (null, errors)
                : (new AgentProfile(id!, owner!, lanes!, model!, prompt!, tools!, contact!, endpoint, description), []);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }
    }

    static List<string>? ReadLanes(JsonElement root, List<FieldError> errors)
    {
        if (!root.TryGetProperty("lanes", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("lanes", "is required: the lanes the agent works in"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > MaxLanes)
        {
            errors.Add(new FieldError("lanes", $"must be a list of 1 to {MaxLanes} lanes"));
            return null;
        }

        var lanes = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"lanes[{i++}]");
            var lane = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!Lanes.Lanes.IsKnown(lane))
            {
                errors.Add(new FieldError(field, "must be one of: " + string.Join(", ", Lanes.Lanes.All)));
            }
            else if (lanes.Contains(lane!, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(field, $"'{lane}' is listed twice"));
            }
            else
            {
                lanes.Add(lane!);
            }
        }

        return lanes;
    }

    static AgentModel? ReadModel(JsonElement root, List<FieldError> errors)
    {
        if (!Object(root, "model", required: true, errors, out var model))
        {
            return null;
        }

        Unknown(model, "model", ["name", "provider"], errors);
        var name = Text(model, "name", "model.name", 128, required: true, errors);
        var provider = Text(model, "provider", "model.provider", 64, required: true, errors);
        return name is null || provider is null ? null : new AgentModel(name, provider);
    }

    static SortedDictionary<string, string>? ReadTools(JsonElement root, List<FieldError> errors)
    {
        var tools = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Object(root, "toolVersions", required: false, errors, out var value))
        {
            return root.TryGetProperty("toolVersions", out var present) && present.ValueKind != JsonValueKind.Null ? null : tools;
        }

        var count = 0;
        foreach (var tool in value.EnumerateObject())
        {
            var field = "toolVersions." + tool.Name;
            if (++count > MaxTools)
            {
                errors.Add(new FieldError("toolVersions", $"at most {MaxTools} tools"));
                break;
            }

            if (!ProposedActionValidator.IdentifierPattern().IsMatch(tool.Name) || tool.Name.Length > 64)
            {
                errors.Add(new FieldError(field, "a tool name is 1-64 letters, digits, '.', '_' or '-'"));
                continue;
            }

            var version = tool.Value.ValueKind == JsonValueKind.String ? tool.Value.GetString() : null;
            if (version is null || !VersionPattern().IsMatch(version))
            {
                errors.Add(new FieldError(field, "must be a version tag: 1-64 letters, digits, '.', '_', ':', '+' or '-'"));
                continue;
            }

            tools[tool.Name] = version;
        }

        return tools;
    }

    static AgentContact? ReadContact(JsonElement root, List<FieldError> errors)
    {
        if (!Object(root, "contact", required: true, errors, out var contact))
        {
            return null;
        }

        Unknown(contact, "contact", ["email", "name"], errors);
        var email = Text(contact, "email", "contact.email", 254, required: true, errors);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add(new FieldError("contact.email", "must be an email address, e.g. team@example.com"));
            email = null;
        }

        var name = Text(contact, "name", "contact.name", 128, required: false, errors);
        return email is null ? null : new AgentContact(email, name);
    }

    static Uri? ReadEndpoint(JsonElement root, List<FieldError> errors)
    {
        var text = Text(root, "endpoint", "endpoint", 2000, required: false, errors);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(new FieldError("endpoint", "must be an absolute http(s) URL"));
            return null;
        }

        // The endpoint is stored and recorded as evidence: credentials in it would leak into both.
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add(new FieldError("endpoint", "must not carry user info, a query or a fragment (no credentials in stored URLs)"));
            return null;
        }

        return uri;
    }

    static bool Object(JsonElement root, string name, bool required, List<FieldError> errors, out JsonElement value)
    {
        if (!root.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(name, "is required"));
            }

            return false;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(name, "must be a JSON object"));
            return false;
        }

        return true;
    }

    static void Unknown(JsonElement value, string prefix, string[] known, List<FieldError> errors)
    {
        foreach (var property in value.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(prefix + "." + property.Name, "is not a known field (known: " + string.Join(", ", known) + ")"));
        }
    }

    static string? Text(JsonElement root, string name, string field, int maxLength, bool required, List<FieldError> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, "is required"));
            }

            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength || text.Any(char.IsControl))
        {
            errors.Add(new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"must be a non-empty string of at most {maxLength} characters")));
            return null;
        }

        return text;
    }
}
