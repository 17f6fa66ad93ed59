using System.Text;
using System.Text.Json.Nodes;

namespace AgentTrust.Tests.Reliability;

/// <summary>
/// Turns a valid input (a seed) into hostile variants, driven by FsCheck-generated integers and strings so every
/// failure shrinks and replays: byte-level damage (flips, cuts, duplicated ranges, truncation, hostile tokens
/// spliced in) and JSON-level damage (a member removed, renamed or given a value of another kind: deep nesting,
/// huge strings and numbers, nulls, lone surrogates, control characters).
/// </summary>
internal static class InputMutator
{
    /// <summary>Fragments that break parsers: structure, escapes, encodings, extremes, and a 100-deep nest.</summary>
    static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", "\\", ":", ",", "\0", "null", "true", "1e309", "-1e309", "-0", "NaN", "Infinity",
        "\\ud800", "\"\\ud800\"", "\uFEFF", "\u2028", "99999999999999999999999999999999", "0.0000000000000000000001",
        new string('[', 100) + new string(']', 100), new string('{', 70), "\"" + new string('a', 70_000) + "\"",
        "%00", "%ZZ", "&", "=", "'; DROP TABLE x;--", "<script>alert(1)</script>", "../../etc/passwd", "\r\n",
    ];

    /// <summary>Replacement values for JSON-level damage.</summary>
    static JsonNode? Value(int choice, string text) => Math.Abs(choice % 14) switch
    {
        0 => null,
        1 => JsonValue.Create(text),
        2 => JsonValue.Create(choice),
        3 => JsonValue.Create(double.MaxValue),
        4 => JsonValue.Create(-1.5),
        5 => JsonValue.Create(true),
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => Nested(choice),
        9 => JsonValue.Create(new string('x', 70_000)),
        10 => new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode?)JsonValue.Create(i))]),
        11 => JsonValue.Create("\ud800\u0000\u202e" + text),
        12 => JsonValue.Create(string.Empty),
        _ => new JsonObject { [text.Length == 0 ? "x" : text] = JsonValue.Create(text) },
    };

    static JsonNode Nested(int choice)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < 20 + Math.Abs(choice % 30); i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    /// <summary>Byte-level mutations of <paramref name="seed"/>; each op is one damage.</summary>
    public static byte[] Bytes(byte[] seed, int[] ops, string[] texts)
    {
        var data = new List<byte>(seed);
        var t = 0;
        foreach (var raw in ops.Take(12))
        {
            var op = (uint)raw;
            var at = data.Count == 0 ? 0 : (int)(op / 16 % (uint)(data.Count + 1));
            var length = 1 + (int)(op / 7 % 24);
            switch (op % 8)
            {
                case 0 when data.Count > 0 && at < data.Count:
                    data[at] ^= (byte)(1 << (int)(op / 3 % 8));
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(length, data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 2:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[op / 5 % (uint)Tokens.Length]));
                    break;
                case 3 when data.Count > 0:
                    var from = (int)(op / 11 % (uint)data.Count);
                    data.InsertRange(at, data.GetRange(from, Math.Min(length, data.Count - from)));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    var text = texts.Length == 0 ? string.Empty : texts[t++ % texts.Length] ?? string.Empty;
                    data.InsertRange(at, Encoding.UTF8.GetBytes(text));
                    break;
                case 6 when data.Count > 0 && at < data.Count:
                    data[at] = (byte)(op >> 24);
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[op % (uint)Tokens.Length]));
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>JSON-level mutations: members of the seed's objects removed, renamed or replaced by other kinds of value.</summary>
    public static byte[] Json(byte[] seed, int[] ops, string[] texts)
    {
        var root = JsonNode.Parse(seed)!;
        var t = 0;
        foreach (var raw in ops.Take(8))
        {
            var op = (uint)raw;
            var objects = Objects(root).ToList();
            if (objects.Count == 0)
            {
                break;
            }

            var target = objects[(int)(op / 4 % (uint)objects.Count)];
            var names = target.Select(p => p.Key).ToList();
            var text = texts.Length == 0 ? "x" : texts[t++ % texts.Length] ?? string.Empty;
            switch (op % 4)
            {
                case 0 when names.Count > 0:
                    target.Remove(names[(int)(op / 16 % (uint)names.Count)]);
                    break;
                case 1 when names.Count > 0:
                    var name = names[(int)(op / 16 % (uint)names.Count)];
                    var value = target[name];
                    target.Remove(name);
                    target[text.Length == 0 ? name + "_" : text] = value;
                    break;
                case 2 when names.Count > 0:
                    target[names[(int)(op / 16 % (uint)names.Count)]] = Value((int)(op / 64), text);
                    break;
                default:
                    target[text.Length == 0 ? "extra" : text] = Value((int)(op / 64), text);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).Where(v => v is not null).ToList())
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.Where(v => v is not null).ToList())
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
    }
}
