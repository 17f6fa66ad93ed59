using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts.Loading;
using Json.Schema;
using YamlDotNet.Core;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// Loads a pact from YAML or JSON text: parses it (syntax errors at their line and column), validates it against
/// the published JSON Schema (<c>pacts/pact.schema.json</c>: unknown fields, wrong types, missing fields), reads it
/// into a <see cref="Pact"/>, and compiles every expression against the pact's schemas. Every problem is reported
/// with file, line, column and field; a pact with any problem is not returned, so nothing can store it.
/// </summary>
public static class PactLoader
{
    /// <summary>Pacts are reviewed by people: a quarter of a megabyte is far beyond any real one.</summary>
    public const int MaxLength = 256 * 1024;

    static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>The published JSON Schema every pact is validated against.</summary>
    public static string SchemaText { get; } = ReadSchemaText();

    public static PactLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return new PactLoadResult(null, [new PactError("$", "the file does not exist", path)]);
        }

        return Load(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Loads a pact from YAML or JSON text; <paramref name="file"/> names it in error messages.</summary>
    public static PactLoadResult Load(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return Fail(new PactError("$", $"the pact is longer than {MaxLength / 1024} KiB", file, 1, 1));
        }

        var reader = new YamlJsonReader();
        JsonNode? tree;
        try
        {
            tree = reader.Read(text);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Trim();
            return Fail(new PactError("$", "the text is not valid YAML or JSON: " + message, file, ex.Start.Line > 0 ? (int)ex.Start.Line : null, ex.Start.Column > 0 ? (int)ex.Start.Column : null));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some unterminated structures this way, without a position.
            return Fail(new PactError("$", "the text is not valid YAML or JSON (an unclosed bracket or quote?): " + ex.Message, file));
        }

        if (tree is not JsonObject)
        {
            return Fail(new PactError("$", "a pact is an object with fields such as agentId, lane, version and clauses", file, 1, 1));
        }

        using var document = JsonDocument.Parse(tree.ToJsonString());
        var schemaErrors = Validate(document.RootElement, reader.Locations, file);
        if (schemaErrors.Count > 0)
        {
            return new PactLoadResult(null, schemaErrors);
        }

        Pact? pact;
        try
        {
            pact = document.RootElement.Deserialize<Pact>(JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            var pointer = ex.Path is null ? string.Empty : JsonPathToPointer(ex.Path);
            return Fail(Locate(new PactError(PointerToField(pointer), ex.Message), pointer, reader.Locations, file));
        }

        if (pact is null)
        {
            return Fail(new PactError("$", "the pact is empty", file, 1, 1));
        }

        var compileErrors = CelPactCompiler.Check(pact);
        if (compileErrors.Count > 0)
        {
            return new PactLoadResult(null, [.. compileErrors.Select(e => Locate(e, FieldToPointer(e.Field), reader.Locations, file))]);
        }

        return new PactLoadResult(pact, []);
    }

    static PactLoadResult Fail(PactError error) => new(null, [error]);

    static List<PactError> Validate(JsonElement root, IReadOnlyDictionary<string, SourceLocation> locations, string? file)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<PactError>();
        if (results.IsValid)
        {
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            var evaluationPath = detail.EvaluationPath.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                var error = Explain(keyword, message, pointer, evaluationPath, root);
                if (error is not null && seen.Add(error.Field + "|" + error.Message))
                {
                    var keyPointer = error.Message.StartsWith("unknown field", StringComparison.Ordinal) ? pointer + "#key" : pointer;
                    errors.Add(Locate(error, keyPointer, locations, file));
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new PactError("$", "the pact does not match the pact schema", file, 1, 1));
        }

        return [.. errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0)];
    }

    /// <summary>Turns a JSON Schema keyword failure into a sentence about the pact, naming what is allowed.</summary>
    static PactError? Explain(string keyword, string message, string pointer, string evaluationPath, JsonElement root)
    {
        var field = PointerToField(pointer);
        var name = pointer[(pointer.LastIndexOf('/') + 1)..];
        if (keyword == "false" || message.Contains("false schema", StringComparison.Ordinal))
        {
            return new PactError(field, $"unknown field '{name}'; check its spelling against docs/pacts.md");
        }

        return keyword switch
        {
            "required" => new PactError(field, "missing required field(s): " + MissingNames(message)),
            "enum" => new PactError(field, $"'{Value(root, pointer)}' is not allowed here; use one of: {string.Join(", ", AllowedValues(evaluationPath))}"),
            "type" => new PactError(field, message),
            "pattern" or "propertyNames" => new PactError(field, $"'{Value(root, pointer)}' does not have the allowed form ({message})"),
            "$ref" or "allOf" or "properties" or "items" or "additionalProperties" => null,
            _ => new PactError(field, message),
        };
    }

    static string MissingNames(string message)
    {
        // JsonSchema.Net says: Required properties ["owner","version"] are not present.
        var start = message.IndexOf('[', StringComparison.Ordinal);
        var end = message.LastIndexOf(']');
        if (start < 0 || end <= start)
        {
            return message;
        }

        try
        {
            using var names = JsonDocument.Parse(message[start..(end + 1)]);
            return string.Join(", ", names.RootElement.EnumerateArray().Select(n => n.GetString()));
        }
        catch (JsonException)
        {
            return message;
        }
    }

    static string Value(JsonElement root, string pointer)
    {
        var element = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return key;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }

    static IEnumerable<string> AllowedValues(string evaluationPath)
    {
        // Follow the evaluation path through the schema (resolving $ref) to the enum that failed.
        using var schema = JsonDocument.Parse(SchemaText);
        var element = schema.RootElement;
        foreach (var part in evaluationPath.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "$ref" && element.TryGetProperty("$ref", out var reference))
            {
                element = schema.RootElement;
                foreach (var refPart in reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    element = element.GetProperty(refPart);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child))
            {
                element = child;
            }
            else
            {
                return [];
            }
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("enum", out var values))
        {
            element = values;
        }

        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.ToString()).ToList() : [];
    }

    static PactError Locate(PactError error, string pointer, IReadOnlyDictionary<string, SourceLocation> locations, string? file)
    {
        // The nearest value that has a position: an error on a missing field is reported at its parent object.
        var probe = pointer;
        SourceLocation location;
        while (!locations.TryGetValue(probe, out location))
        {
            if (probe.EndsWith("#key", StringComparison.Ordinal))
            {
                probe = probe[..^4];
                continue;
            }

            if (probe.Length == 0)
            {
                return error with { File = file, Line = 1, Column = 1 };
            }

            probe = probe[..probe.LastIndexOf('/')];
        }

        var column = location.Column;
        if (error.ExpressionColumn is { } inExpression && probe == pointer && location.ContentOffset >= 0)
        {
            column += location.ContentOffset + inExpression - 1;
        }

        return error with { File = file, Line = location.Line, Column = column };
    }

    /// <summary><c>/clauses/2/condition</c> to <c>clauses[2].condition</c>.</summary>
    public static string PointerToField(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var sb = new StringBuilder();
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (key.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(key).Append(']');
            }
            else
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(key);
            }
        }

        return sb.Length == 0 ? "$" : sb.ToString();
    }

    /// <summary><c>clauses[2].condition</c> to <c>/clauses/2/condition</c>.</summary>
    public static string FieldToPointer(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == "$")
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var part in field.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append('/').Append(YamlJsonReader.Escape(part));
        }

        return sb.ToString();
    }

    static string JsonPathToPointer(string path) =>
        FieldToPointer(path.TrimStart('$').TrimStart('.'));

    static string ReadSchemaText()
    {
        using var stream = typeof(PactLoader).Assembly.GetManifestResourceStream("AgentTrust.Domain.Pacts.pact.schema.json")
            ?? throw new InvalidOperationException("The pact schema is not embedded in the domain assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    static JsonSchema LoadSchema() => JsonSchema.FromText(SchemaText);
}
