using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Tests.Domain;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("{\"b\":2,\"a\":1}", "{\"a\":1,\"b\":2}")]
    [InlineData("{ \"z\": [3, 2, {\"y\": true, \"x\": null}] }", "{\"z\":[3,2,{\"x\":null,\"y\":true}]}")]
    [InlineData("[1.0, 1e21, 1e-7, 0.000001, -0, 123456789012345680000]", "[1,1e+21,1e-7,0.000001,0,123456789012345680000]")]
    [InlineData("\"\\u00e9\\n\\\"\"", "\"é\\n\\\"\"")]
    public void Serialize_Json_GivesRfc8785Form(string input, string expected)
    {
        using var document = JsonDocument.Parse(input);

        var canonical = Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement));

        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void Serialize_KeysDifferingOnlyInUtf16Order_SortsByCodeUnits()
    {
        // RFC 8785 example: sorting is by UTF-16 code units, so U+20AC (euro) sorts before U+FB33 and after "\r".
        using var document = JsonDocument.Parse("{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4}");

        var canonical = Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement));

        Assert.Equal("{\"\\r\":2,\"1\":4,\"\u20ac\":1,\"\ufb33\":3}", canonical);
    }

    [Theory]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.1, "0.1")]
    [InlineData(100, "100")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e20, "100000000000000000000")]
    public void FormatNumber_Double_MatchesEcmaScript(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.FormatNumber(value));
}
