using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentTrust.Domain.Pacts.Loading;

/// <summary>
/// Reads YAML (and so JSON, which is YAML's flow style) into a JSON tree, remembering where each value starts, so a
/// schema or compile error found in the tree is reported at its line and column in the file. Scalars are typed by
/// the YAML 1.2 core schema: only plain scalars become numbers, booleans or null; quoted text stays text.
/// </summary>
internal sealed partial class YamlJsonReader
{
    /// <summary>Bounds a document's expansion (aliases can repeat a subtree): pacts are far smaller.</summary>
    const int MaxNodes = 20_000;

    readonly Dictionary<string, SourceLocation> locations = new(StringComparer.Ordinal);
    int nodes;

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    public IReadOnlyDictionary<string, SourceLocation> Locations => locations;

    /// <summary>The JSON tree of the single document in <paramref name="text"/>; throws <see cref="YamlException"/> with a position.</summary>
    public JsonNode? Read(string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            throw new YamlException(stream.Documents.Count == 0 ? "the file holds no pact" : "the file holds more than one document; put one pact in each file");
        }

        return Convert(stream.Documents[0].RootNode, string.Empty);
    }

    JsonNode? Convert(YamlNode node, string pointer)
    {
        if (++nodes > MaxNodes)
        {
            throw new YamlException(node.Start, node.End, $"the pact has more than {MaxNodes} values (aliases count each time they are used)");
        }

        var offset = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1
            : node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? -1 : 0;
        locations[pointer] = new SourceLocation((int)node.Start.Line, (int)node.Start.Column, offset);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, "field names must be plain text");
                    }

                    var child = pointer + "/" + Escape(key);
                    if (obj.ContainsKey(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"'{key}' appears twice in the same object");
                    }

                    // The key's own position: an unknown field is reported where its name is written.
                    locations[child + "#key"] = new SourceLocation((int)keyNode.Start.Line, (int)keyNode.Start.Column, 0);
                    obj[key] = Convert(valueNode, child);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    i++;
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        // Invariant culture, always: "0.8" is eight tenths whatever the machine's locale.
        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
