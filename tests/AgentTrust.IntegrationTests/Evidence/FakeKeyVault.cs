using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AgentTrust.Orchestrations.Evidence.KeyVault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>
/// A Key Vault keys endpoint on 127.0.0.1 over TLS (self-signed), speaking the REST shapes the real service does
/// (api-version 7.4): GET keys/{name}[/{version}] returns the JWK, POST keys/{name}/{version}/sign signs a SHA-256
/// digest with ES256 using a real P-256 key. It refuses anything else: a wrong api-version, a missing or wrong
/// bearer token, a body that is not {"alg":"ES256","value":base64url(32 bytes)}.
/// </summary>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    public const string KeyName = "agenttrust-evidence";
    readonly WebApplication app;
    readonly Dictionary<string, ECDsa> versions;

    FakeKeyVault(WebApplication app, X509Certificate2 certificate, Dictionary<string, ECDsa> versions, string expectedToken)
    {
        this.app = app;
        Certificate = certificate;
        this.versions = versions;
        ExpectedToken = expectedToken;
    }

    public X509Certificate2 Certificate { get; }

    public string ExpectedToken { get; }

    public Uri VaultUri => new(app.Urls.Single() + "/");

    /// <summary>Every request seen: method, path, query, Authorization header and body.</summary>
    public ConcurrentQueue<(string Method, string Path, string Query, string? Authorization, string Body)> Requests { get; } = new();

    /// <summary>The newest version is the key's current version, as after a rotation.</summary>
    public string CurrentVersion => versions.Keys.Last();

    public ECDsa Key(string version) => versions[version];

    public static async Task<FakeKeyVault> StartAsync(string expectedToken, params string[] versionNames)
    {
        var versions = versionNames.ToDictionary(v => v, _ => ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var vault = new FakeKeyVault(app, certificate, versions, expectedToken);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Items["body"] = body;
            vault.Requests.Enqueue((context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body));
            if (context.Request.Query["api-version"] != KeyVaultSignerOptions.ApiVersion)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(Error("BadParameter", "api-version must be 7.4"));
                return;
            }

            if (context.Request.Headers.Authorization != "Bearer " + expectedToken)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"";
                await context.Response.WriteAsJsonAsync(Error("Unauthorized", "a token for https://vault.azure.net/.default is required"));
                return;
            }

            await next(context);
        });
        app.MapGet("/keys/{name}", (string name, HttpContext context) => vault.GetKey(context, name, vault.CurrentVersion));
        app.MapGet("/keys/{name}/{version}", (string name, string version, HttpContext context) => vault.GetKey(context, name, version));
        app.MapPost("/keys/{name}/{version}/sign", (string name, string version, HttpContext context) => vault.Sign(context, name, version));
        await app.StartAsync();
        return vault;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
        foreach (var key in versions.Values)
        {
            key.Dispose();
        }
    }

    string Kid(string version) => $"{VaultUri.AbsoluteUri.TrimEnd('/')}/keys/{KeyName}/{version}";

    IResult GetKey(HttpContext context, string name, string version)
    {
        if (name != KeyName || !versions.TryGetValue(version, out var key))
        {
            return Results.Json(Error("KeyNotFound", "no such key"), statusCode: 404);
        }

        var parameters = key.ExportParameters(false);
        return Results.Json(new JsonObject
        {
            ["key"] = new JsonObject
            {
                ["kid"] = Kid(version),
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["key_ops"] = new JsonArray("sign", "verify"),
                ["x"] = Base64Url.Encode(parameters.Q.X),
                ["y"] = Base64Url.Encode(parameters.Q.Y),
            },
            ["attributes"] = new JsonObject { ["enabled"] = true },
        });
    }

    IResult Sign(HttpContext context, string name, string version)
    {
        if (name != KeyName || !versions.TryGetValue(version, out var key))
        {
            return Results.Json(Error("KeyNotFound", "no such key"), statusCode: 404);
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Results.Json(Error("BadParameter", "content type must be application/json"), statusCode: 400);
        }

        var body = JsonNode.Parse((string)context.Items["body"]!);
        var alg = (string?)body?["alg"];
        byte[] digest;
        try
        {
            digest = Base64Url.Decode((string?)body?["value"] ?? string.Empty);
        }
        catch (FormatException)
        {
            return Results.Json(Error("BadParameter", "value must be base64url"), statusCode: 400);
        }

        if (alg != "ES256" || digest.Length != 32)
        {
            return Results.Json(Error("BadParameter", "ES256 signs a 32-byte SHA-256 digest"), statusCode: 400);
        }

        var signature = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Results.Json(new JsonObject { ["kid"] = Kid(version), ["value"] = Base64Url.Encode(signature) });
    }

    static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported from PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Client options that trust exactly this server's certificate.</summary>
    public KeyVaultSignerOptions ClientOptions()
    {
        var thumbprint = Certificate.Thumbprint;
        var options = new KeyVaultSignerOptions
        {
#pragma warning disable CA2000 // The transport owns the handler for the options' lifetime.
            Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
            }),
#pragma warning restore CA2000
        };
        options.Retry.MaxRetries = 0;
        return options;
    }
}
